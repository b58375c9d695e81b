package org.sealmail.mailstore.db;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.accounts.AccountRepository;
import org.sealmail.mailstore.certificates.CertificateDirectory;
import org.sealmail.mailstore.drafts.DraftRepository;
import org.sealmail.mailstore.folders.FolderRepository;
import org.sealmail.mailstore.licenses.SqliteUseLicenseCache;
import org.sealmail.mailstore.messages.MessageRepository;
import org.sealmail.mailstore.outbox.OutboxRepository;
import org.sealmail.mailstore.profile.ProfileLocation;
import org.sealmail.mailstore.search.MessageSearch;
import org.sealmail.mailstore.secrets.SecretStore;
import org.sealmail.mailstore.secrets.StoreKeyCipher;
import org.sealmail.mailstore.transfer.MailImporter;
import org.sealmail.mailstore.transfer.MboxExporter;

/**
 * The store of one profile: the SQLite database {@value #FILE_NAME} in the profile directory
 * (WAL mode, schema by Flyway), and the repositories that read and write it. Opening refuses,
 * with a clear {@link StoreException} and without writing a byte, a file that is not a Sealmail
 * store, a corrupt one, one from a newer Sealmail, or a read-only profile.
 *
 * <p>Thread-safe: the repositories may be used from any thread (see {@link StoreDatabase}).
 */
public final class SqliteMailStore implements AutoCloseable {

    /** The store's file name in the profile directory. */
    public static final String FILE_NAME = "sealmail.db";

    private final Path profileDirectory;
    private final StoreDatabase database;
    private final AccountRepository accounts;
    private final FolderRepository folders;
    private final MessageRepository messages;
    private final MessageSearch search;
    private final CertificateDirectory certificates;
    private final OutboxRepository outbox;

    private SqliteMailStore(Path profileDirectory, StoreDatabase database) {
        this.profileDirectory = profileDirectory;
        this.database = database;
        this.accounts = new AccountRepository(database);
        this.folders = new FolderRepository(database);
        this.messages = new MessageRepository(database);
        this.search = new MessageSearch(database);
        this.certificates = new CertificateDirectory(database);
        this.outbox = new OutboxRepository(database);
    }

    /**
     * Opens the store of a profile, creating the directory and the store if they do not exist and
     * applying pending schema migrations.
     *
     * @param profileDirectory the profile directory (see {@link org.sealmail.mailstore.profile.ProfileLocation})
     * @return the open store
     * @throws StoreException READ_ONLY if the profile cannot be written; NOT_A_STORE, CORRUPT or
     *     SCHEMA_TOO_NEW if the file at the store path cannot be used (it is left untouched)
     */
    public static SqliteMailStore open(Path profileDirectory) {
        Path directory = prepareDirectory(profileDirectory.toAbsolutePath().normalize());
        Path file = directory.resolve(FILE_NAME);
        if (StoreFileCheck.isNew(file) && !Files.exists(file)) {
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                // another process created it a moment ago: SchemaMigrator checks what it holds
            } catch (IOException e) {
                throw new StoreException(StoreFailure.READ_ONLY, "cannot create the store " + file + ": " + reason(e), e);
            }
        } else if (!Files.isWritable(file)) {
            throw new StoreException(StoreFailure.READ_ONLY, "the store " + file + " is read-only; Sealmail needs to write it");
        }
        SchemaMigrator.migrate(file);
        return new SqliteMailStore(directory, StoreDatabase.open(file));
    }

    /** @return the profile directory */
    public Path profileDirectory() {
        return profileDirectory;
    }

    /** @return the database (for work spanning several repositories in one transaction) */
    public StoreDatabase database() {
        return database;
    }

    /** @return accounts and identities */
    public AccountRepository accounts() {
        return accounts;
    }

    /** @return folders */
    public FolderRepository folders() {
        return folders;
    }

    /** @return messages */
    public MessageRepository messages() {
        return messages;
    }

    /** @return full-text search */
    public MessageSearch search() {
        return search;
    }

    /** @return the certificate directory */
    public CertificateDirectory certificates() {
        return certificates;
    }

    /** @return the outbox */
    public OutboxRepository outbox() {
        return outbox;
    }

    /**
     * @param secrets the profile's secret store (holds the store key), or {@code null}: then
     *     drafts of confidential messages are refused
     * @return the drafts
     */
    public DraftRepository drafts(SecretStore secrets) {
        return new DraftRepository(database, secrets == null ? null : StoreKeyCipher.fromSecrets(secrets));
    }

    /**
     * @param secrets the profile's secret store (holds the store key that encrypts the licenses)
     * @return the use-license cache
     */
    public SqliteUseLicenseCache useLicenseCache(SecretStore secrets) {
        return new SqliteUseLicenseCache(database, StoreKeyCipher.fromSecrets(secrets));
    }

    /** @return an importer of .eml and mbox files */
    public MailImporter importer() {
        return new MailImporter(database, messages);
    }

    /** @return an exporter to mbox */
    public MboxExporter exporter() {
        return new MboxExporter(messages);
    }

    /** @return counts and sizes */
    public StoreStatistics statistics() {
        return database.read("computing statistics", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT (SELECT count(*) FROM message), (SELECT count(*) FROM folder),"
                            + " (SELECT count(*) FROM account), (SELECT ifnull(sum(size), 0) FROM message),"
                            + " (SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                            + "  ORDER BY installed_rank DESC LIMIT 1)")) {
                row.next();
                return new StoreStatistics(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), diskBytes(),
                        row.getString(5));
            }
        });
    }

    /** Closes the database connections. */
    @Override
    public void close() {
        database.close();
    }

    private long diskBytes() {
        long total = 0;
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path path = database.file().resolveSibling(FILE_NAME + suffix);
            try {
                if (Files.exists(path)) {
                    total += Files.size(path);
                }
            } catch (IOException e) {
                throw new StoreException(StoreFailure.IO, "cannot read the size of " + path + ": " + e.getMessage(), e);
            }
        }
        return total;
    }

    /** @return why a file operation failed, in words (the file system's reason, not an exception name) */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage();
    }

    private static Path prepareDirectory(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new StoreException(StoreFailure.READ_ONLY, "the profile path " + directory + " is a file, not a directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException(StoreFailure.READ_ONLY, "cannot create the profile directory " + directory + ": " + reason(e), e);
        }
        if (!Files.isWritable(directory)) {
            throw new StoreException(StoreFailure.READ_ONLY, "the profile directory " + directory + " is read-only;"
                    + " Sealmail keeps its store there. Choose another with --profile DIR or "
                    + ProfileLocation.ENVIRONMENT_VARIABLE);
        }
        return directory;
    }
}
