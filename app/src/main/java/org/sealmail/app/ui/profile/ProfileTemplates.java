package org.sealmail.app.ui.profile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.rights.template.ProtectionTemplateFile;

/**
 * The custom rights templates of a profile: every {@code *.template} file in its
 * {@value #DIRECTORY} directory, in the format of {@link ProtectionTemplateFile}. A file that does
 * not parse is left out and its error (file and line) reported, never silently dropped.
 *
 * @param templates the templates read, by id, in file-name order
 * @param problems one line per file that could not be read
 */
public record ProfileTemplates(Map<String, ProtectionTemplate> templates, List<String> problems) {

    /** The directory of the profile that holds the template files. */
    public static final String DIRECTORY = "templates";
    /** The file name suffix of a template file. */
    public static final String SUFFIX = ".template";

    /** Copies the map and the list. */
    public ProfileTemplates {
        templates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(templates));
        problems = List.copyOf(problems);
    }

    /**
     * Reads the templates of a profile (file I/O: call in the background).
     *
     * @param profileDirectory the profile
     * @return the templates and problems; empty when the directory does not exist
     */
    public static ProfileTemplates read(Path profileDirectory) {
        Path directory = profileDirectory.resolve(DIRECTORY);
        Map<String, ProtectionTemplate> templates = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return new ProfileTemplates(templates, problems);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            problems.add("cannot list " + directory + ": " + e.getMessage());
        }
        files.sort(null);
        for (Path file : files) {
            try {
                ProtectionTemplate template = ProtectionTemplateFile.read(file);
                if (templates.containsKey(template.id())) {
                    problems.add(file + ": the template id " + template.id() + " is already taken");
                } else {
                    templates.put(template.id(), template);
                }
            } catch (CryptoException e) {
                problems.add(e.getMessage());
            }
        }
        return new ProfileTemplates(templates, problems);
    }
}
