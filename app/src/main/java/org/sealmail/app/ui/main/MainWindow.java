package org.sealmail.app.ui.main;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.sealmail.app.ui.Formats;
import org.sealmail.app.ui.FxmlLayouts;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.mailbox.AccountSummary;
import org.sealmail.app.ui.mailbox.FolderSummary;
import org.sealmail.app.ui.mailbox.MessageHeader;
import org.sealmail.app.ui.mailbox.MessageSort;
import org.sealmail.app.ui.mailbox.ProtectionKind;
import org.sealmail.app.ui.reader.ReaderAction;
import org.sealmail.app.ui.reader.ReaderView;

/**
 * The main window (layout {@code main/MainWindow.fxml}): folder tree with unread counts, the
 * virtualized message list (a {@link TableView} over {@link PagedMessageList}), the reader pane,
 * search and the status bar, with the menus and shortcuts of desktop mail clients.
 */
public final class MainWindow {

    private final MainViewModel model;
    private final ReaderView readerView;
    private final UiText text;
    private final MainWindowActions actions;
    private final DateTimeFormatter dates;

    @FXML private BorderPane root;
    @FXML private TreeView<FolderNode> folderTree;
    @FXML private TableView<MessageHeader> messageTable;
    @FXML private TableColumn<MessageHeader, MessageHeader> markerColumn;
    @FXML private TableColumn<MessageHeader, MessageHeader> fromColumn;
    @FXML private TableColumn<MessageHeader, MessageHeader> subjectColumn;
    @FXML private TableColumn<MessageHeader, MessageHeader> dateColumn;
    @FXML private TableColumn<MessageHeader, MessageHeader> sizeColumn;
    @FXML private StackPane readerHolder;
    @FXML private TextField searchField;
    @FXML private CheckMenuItem conversationsItem;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private RadioMenuItem darkThemeItem;
    @FXML private MenuItem replyItem;
    @FXML private MenuItem replyAllItem;
    @FXML private MenuItem forwardItem;
    @FXML private MenuItem printItem;
    @FXML private MenuItem copyItem;
    @FXML private Label connectionLabel;
    @FXML private Label tlsLabel;
    @FXML private ProgressBar syncProgress;
    @FXML private Label errorLabel;
    @FXML private Label summaryLabel;
    @FXML private Label rulesBanner;

    /**
     * @param model the main view-model
     * @param readerView the reader pane
     * @param text the UI strings
     * @param zone the zone dates are shown in
     * @param actions what the menus open outside the window
     */
    public MainWindow(MainViewModel model, ReaderView readerView, UiText text, ZoneId zone, MainWindowActions actions) {
        this.model = Objects.requireNonNull(model, "model");
        this.readerView = Objects.requireNonNull(readerView, "readerView");
        this.text = Objects.requireNonNull(text, "text");
        this.actions = Objects.requireNonNull(actions, "actions");
        Locale locale = text.bundle().getLocale().equals(Locale.ROOT) ? Locale.ENGLISH : text.bundle().getLocale();
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        FxmlLayouts.load("main/MainWindow.fxml", this, text);
    }

    /** @return the window's root node */
    public BorderPane root() {
        return root;
    }

    /**
     * Shows or hides the banner that says the protection rules were rejected (clicking it opens the
     * rules editor).
     *
     * @param warning the localized warning; empty hides the banner
     */
    public void setRulesWarning(String warning) {
        rulesBanner.setText(warning);
        rulesBanner.setVisible(!warning.isEmpty());
        rulesBanner.setManaged(!warning.isEmpty());
    }

    /**
     * Adds an item to the message list's context menu that acts on the selected message.
     *
     * @param label the item's text
     * @param action what it does with the selected message
     */
    public void setMessageAction(String label, java.util.function.Consumer<MessageHeader> action) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(event -> {
            MessageHeader selected = messageTable.getSelectionModel().getSelectedItem();
            if (selected != null) {
                action.accept(selected);
            }
        });
        item.disableProperty().bind(messageTable.getSelectionModel().selectedItemProperty().isNull());
        messageTable.setContextMenu(new javafx.scene.control.ContextMenu(item));
    }

    /** @return the message list (tests inspect its cells) */
    public TableView<MessageHeader> messageTable() {
        return messageTable;
    }

    @FXML
    private void initialize() {
        readerHolder.getChildren().setAll(readerView.root());
        setUpFolderTree();
        setUpMessageTable();
        conversationsItem.selectedProperty().bindBidirectional(model.conversationsProperty());
        lightThemeItem.setOnAction(event -> actions.themeChanged().accept(Theme.LIGHT));
        darkThemeItem.setOnAction(event -> actions.themeChanged().accept(Theme.DARK));
        connectionLabel.textProperty().bind(model.connectionTextProperty());
        tlsLabel.textProperty().bind(model.tlsTextProperty());
        model.tlsActiveProperty().addListener((obs, old, active) -> styleTls(active));
        styleTls(model.tlsActiveProperty().get());
        syncProgress.visibleProperty().bind(model.syncingProperty());
        syncProgress.progressProperty().bind(model.syncProgressProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        summaryLabel.textProperty().bind(model.listSummaryProperty());
        model.reader().messageProperty().addListener((obs, old, message) -> updateMessageMenu());
        updateMessageMenu();
    }

    private void styleTls(boolean active) {
        tlsLabel.getStyleClass().removeAll("tls-ok", "tls-missing");
        tlsLabel.getStyleClass().add(active ? "tls-ok" : "tls-missing");
    }

    private void updateMessageMenu() {
        // The items follow the rights; the view-model refuses in code as well.
        replyItem.setDisable(!model.reader().allows(ReaderAction.REPLY));
        replyAllItem.setDisable(!model.reader().allows(ReaderAction.REPLY_ALL));
        forwardItem.setDisable(!model.reader().allows(ReaderAction.FORWARD));
        printItem.setDisable(!model.reader().allows(ReaderAction.PRINT));
        copyItem.setDisable(!model.reader().allows(ReaderAction.COPY));
    }

    private void setUpFolderTree() {
        folderTree.setRoot(new TreeItem<>());
        folderTree.setCellFactory(tree -> new FolderCell());
        model.accounts().addListener((ListChangeListener<AccountSummary>) change -> rebuildTree());
        model.unreadCounts().addListener((javafx.collections.MapChangeListener<Long, Integer>) change -> folderTree.refresh());
        folderTree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() != null && !item.getValue().isAccount()) {
                model.selectedFolderProperty().set(item.getValue().folder());
            }
        });
        rebuildTree();
    }

    private void rebuildTree() {
        TreeItem<FolderNode> top = new TreeItem<>();
        FolderSummary selected = model.selectedFolderProperty().get();
        TreeItem<FolderNode> toSelect = null;
        for (AccountSummary account : model.accounts()) {
            TreeItem<FolderNode> accountItem = new TreeItem<>(new FolderNode(account, null));
            accountItem.setExpanded(true);
            for (FolderSummary folder : account.folders()) {
                TreeItem<FolderNode> found = addFolder(accountItem, account, folder, selected);
                toSelect = toSelect == null ? found : toSelect;
            }
            top.getChildren().add(accountItem);
        }
        folderTree.setRoot(top);
        if (toSelect != null) {
            folderTree.getSelectionModel().select(toSelect);
        }
    }

    private TreeItem<FolderNode> addFolder(TreeItem<FolderNode> parent, AccountSummary account, FolderSummary folder,
            FolderSummary selected) {
        TreeItem<FolderNode> item = new TreeItem<>(new FolderNode(account, folder));
        item.setExpanded(true);
        parent.getChildren().add(item);
        TreeItem<FolderNode> found = selected != null && selected.id() == folder.id() ? item : null;
        for (FolderSummary child : folder.children()) {
            TreeItem<FolderNode> inChild = addFolder(item, account, child, selected);
            found = found == null ? inChild : found;
        }
        return found;
    }

    private void setUpMessageTable() {
        bindColumns();
        messageTable.setItems(model.pagedRows());
        model.searchingProperty().addListener((obs, old, searching) ->
                messageTable.setItems(searching ? model.searchRows() : model.pagedRows()));
        messageTable.setRowFactory(table -> new MessageRow());
        messageTable.setSortPolicy(table -> {
            applySortOrder();
            return true;
        });
        // TableView drops the selection when the selected row is replaced (flags changed): restore it.
        int[] lastSelected = {-1};
        messageTable.getSelectionModel().selectedItemProperty().addListener((obs, old, header) -> {
            int index = messageTable.getSelectionModel().getSelectedIndex();
            if (index >= 0) {
                lastSelected[0] = index;
            }
            model.select(header);
        });
        ListChangeListener<MessageHeader> restoreSelection = change -> {
            while (change.next()) {
                if (change.wasRemoved() && !change.wasReplaced()) {
                    lastSelected[0] = -1; // another folder or search: nothing to restore
                } else if (change.wasReplaced() && lastSelected[0] >= change.getFrom() && lastSelected[0] < change.getTo()) {
                    int index = lastSelected[0];
                    javafx.application.Platform.runLater(() -> {
                        if (messageTable.getSelectionModel().isEmpty() && index < messageTable.getItems().size()) {
                            messageTable.getSelectionModel().select(index);
                        }
                    });
                }
            }
        };
        model.pagedRows().addListener(restoreSelection);
        model.searchRows().addListener(restoreSelection);
        messageTable.itemsProperty().addListener((obs, old, items) -> lastSelected[0] = -1);
        messageTable.setOnKeyPressed(event -> {
            MessageHeader header = messageTable.getSelectionModel().getSelectedItem();
            if (header == null || event.isShortcutDown() || event.isAltDown()) {
                return;
            }
            if (event.getCode() == KeyCode.M) {
                model.setSeen(header, !header.seen());
                event.consume();
            } else if (event.getCode() == KeyCode.S) {
                model.toggleFlagged(header);
                event.consume();
            }
        });
        dateColumn.setSortType(TableColumn.SortType.DESCENDING);
    }

    private void bindColumns() {
        for (TableColumn<MessageHeader, MessageHeader> column : java.util.List.of(markerColumn, fromColumn,
                subjectColumn, dateColumn, sizeColumn)) {
            column.setCellValueFactory(cell -> Bindings.createObjectBinding(cell::getValue));
        }
        fromColumn.setUserData(MessageSort.Key.FROM);
        subjectColumn.setUserData(MessageSort.Key.SUBJECT);
        dateColumn.setUserData(MessageSort.Key.DATE);
        sizeColumn.setUserData(MessageSort.Key.SIZE);
        markerColumn.setCellFactory(column -> new MarkerCell());
        fromColumn.setCellFactory(column -> textCell(MessageHeader::from));
        subjectColumn.setCellFactory(column -> textCell(header -> header.conversationSize() > 1
                ? text.get("main.list.conversation", header.subject(), header.conversationSize()) : header.subject()));
        dateColumn.setCellFactory(column -> textCell(header -> dates.format(header.date())));
        sizeColumn.setCellFactory(column -> textCell(header -> Formats.size(header.sizeBytes())));
    }

    private void applySortOrder() {
        if (messageTable.getSortOrder().isEmpty()) {
            model.sortProperty().set(MessageSort.NEWEST_FIRST);
            return;
        }
        TableColumn<MessageHeader, ?> first = messageTable.getSortOrder().get(0);
        if (first.getUserData() instanceof MessageSort.Key key) {
            model.sortProperty().set(new MessageSort(key, first.getSortType() == TableColumn.SortType.ASCENDING));
        }
    }

    private static TableCell<MessageHeader, MessageHeader> textCell(java.util.function.Function<MessageHeader, String> value) {
        return new TableCell<>() {
            @Override
            protected void updateItem(MessageHeader item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : value.apply(item));
            }
        };
    }

    /** Unread dot or flag, protection icon (lock for rights-protected and S/MIME-encrypted, seal for signed), attachment. */
    private final class MarkerCell extends TableCell<MessageHeader, MessageHeader> {
        private final Region state = new Region();
        private final Region protection = new Region();
        private final Region attachment = new Region();
        private final HBox box = new HBox(2, state, protection, attachment);

        @Override
        protected void updateItem(MessageHeader item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            state.getStyleClass().setAll("icon", item.flagged() ? "icon-flag" : item.seen() ? "icon-none" : "icon-unread");
            protection.getStyleClass().setAll("icon", switch (item.protection()) {
                case RIGHTS_PROTECTED, SMIME_ENCRYPTED -> "icon-lock";
                case SMIME_SIGNED -> "icon-seal";
                case NONE -> "icon-none";
            });
            attachment.getStyleClass().setAll("icon", item.hasAttachments() ? "icon-attachment" : "icon-none");
            setGraphic(box);
            setAccessibleText(item.protection() == ProtectionKind.NONE ? null
                    : text.get("main.list.protection." + item.protection().name().toLowerCase(Locale.ROOT)));
        }
    }

    /** Bold for unread rows. */
    private static final class MessageRow extends TableRow<MessageHeader> {
        @Override
        protected void updateItem(MessageHeader item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("unread");
            if (!empty && item != null && !item.seen()) {
                getStyleClass().add("unread");
            }
        }
    }

    /** Account or folder name, unread count in bold. */
    private final class FolderCell extends TreeCell<FolderNode> {
        @Override
        protected void updateItem(FolderNode item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("has-unread");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (item.isAccount()) {
                setText(item.account().displayName());
                setGraphic(null);
                return;
            }
            FolderSummary folder = item.folder();
            setText(folder.name());
            Region icon = new Region();
            icon.getStyleClass().setAll("icon", folder.role() == org.sealmail.app.ui.mailbox.FolderRole.INBOX
                    ? "icon-inbox" : "icon-folder");
            int unread = model.unreadCount(folder);
            if (unread > 0) {
                Label count = new Label(text.get("main.folder.unread", unread));
                count.getStyleClass().add("unread-count");
                setGraphic(new HBox(4, icon, count));
                setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
                getStyleClass().add("has-unread");
            } else {
                setGraphic(icon);
            }
        }
    }

    @FXML
    private void newMessage() {
        actions.newMessage().run();
    }

    @FXML
    private void getMessages() {
        model.synchronize();
    }

    @FXML
    private void accountSetup() {
        actions.accountSetup().run();
    }

    @FXML
    private void settings() {
        actions.settings().run();
    }

    @FXML
    private void protectionRules() {
        actions.protectionRules().run();
    }

    @FXML
    private void quit() {
        actions.quit().run();
    }

    @FXML
    private void about() {
        actions.about().run();
    }

    @FXML
    private void copy() {
        readerView.copySelection();
    }

    @FXML
    private void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @FXML
    private void search() {
        model.search(searchField.getText());
    }

    @FXML
    private void reply() {
        model.reader().reply();
    }

    @FXML
    private void replyAll() {
        model.reader().replyAll();
    }

    @FXML
    private void forward() {
        model.reader().forward();
    }

    @FXML
    private void print() {
        readerView.printCurrent();
    }

    @FXML
    private void toggleRead() {
        MessageHeader header = messageTable.getSelectionModel().getSelectedItem();
        if (header != null) {
            model.setSeen(header, !header.seen());
        }
    }

    @FXML
    private void toggleFlag() {
        MessageHeader header = messageTable.getSelectionModel().getSelectedItem();
        if (header != null) {
            model.toggleFlagged(header);
        }
    }
}
