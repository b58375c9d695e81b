package org.sealmail.mailstore.secrets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;

/**
 * Secrets in a file of the profile ({@value #FILE_NAME}), encrypted with AES-256-GCM under a key
 * derived from the master password with PBKDF2-HMAC-SHA256 (RFC 8018 §5.2; {@value #ITERATIONS}
 * iterations, the OWASP 2023 figure; 16-byte random salt). The file is rewritten whole and
 * atomically on every change, with a fresh 12-byte nonce (NIST SP 800-38D), owner-only permissions
 * where the file system has them.
 *
 * <p>Layout: {@code "SEALMAIL-SECRETS"} (16 ASCII bytes), version (1 byte, 1), iterations (4 bytes,
 * big endian), salt (16), nonce (12), then the GCM ciphertext and 16-byte tag of the entries; the
 * bytes before the ciphertext are the GCM associated data. Entries: a count (4 bytes), then per
 * entry its name (modified UTF-8, as {@link DataOutputStream#writeUTF}) and its value (4-byte
 * length, UTF-8).
 */
public final class PasswordFileSecretStore implements SecretStore {

    /** The file name in the profile directory. */
    public static final String FILE_NAME = "secrets.sealed";

    /** PBKDF2 iterations for new files. */
    public static final int ITERATIONS = 600_000;

    /**
     * The iteration counts a file may name ({@value #MIN_ITERATIONS} to {@value #MAX_ITERATIONS}).
     * The count is authenticated only through the key derived from it, so a count outside this
     * range is refused before any derivation: an altered count could otherwise make opening run
     * for hours.
     */
    public static final int MIN_ITERATIONS = 100_000;

    /** See {@link #MIN_ITERATIONS}. */
    public static final int MAX_ITERATIONS = 10_000_000;

    private static final byte[] MAGIC = "SEALMAIL-SECRETS".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = MAGIC.length + 1 + 4 + SALT_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final int iterations;
    private final byte[] salt;
    private final SecretKeySpec key;
    private final Map<String, char[]> entries;

    private PasswordFileSecretStore(Path file, int iterations, byte[] salt, SecretKeySpec key, Map<String, char[]> entries) {
        this.file = file;
        this.iterations = iterations;
        this.salt = salt;
        this.key = key;
        this.entries = entries;
    }

    /**
     * Opens the password file, or prepares a new one (written on the first {@link #write}).
     *
     * @param file the password file
     * @param masterPassword the master password (not retained)
     * @return the secret store
     * @throws StoreException SECRETS if the master password does not open the file, the file is
     *     not a Sealmail password file or names an iteration count outside {@link #MIN_ITERATIONS}
     *     to {@link #MAX_ITERATIONS}; IO if it cannot be read
     */
    public static PasswordFileSecretStore open(Path file, char[] masterPassword) {
        if (masterPassword == null || masterPassword.length == 0) {
            throw new StoreException(StoreFailure.SECRETS, "a master password is needed to open " + file);
        }
        if (!Files.exists(file)) {
            byte[] salt = new byte[SALT_BYTES];
            RANDOM.nextBytes(salt);
            return new PasswordFileSecretStore(file, ITERATIONS, salt, derive(masterPassword, salt, ITERATIONS), new TreeMap<>());
        }
        try {
            byte[] content = Files.readAllBytes(file);
            if (content.length < HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8
                    || !Arrays.equals(Arrays.copyOf(content, MAGIC.length), MAGIC) || content[MAGIC.length] != VERSION) {
                throw new StoreException(StoreFailure.SECRETS, file + " is not a Sealmail password file (version " + VERSION + ")");
            }
            ByteBuffer header = ByteBuffer.wrap(content, MAGIC.length + 1, 4 + SALT_BYTES);
            int iterations = header.getInt();
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
                throw new StoreException(StoreFailure.SECRETS, file + " names the PBKDF2 iteration count " + iterations
                        + ", outside " + MIN_ITERATIONS + " to " + MAX_ITERATIONS + ": the file was altered");
            }
            byte[] salt = new byte[SALT_BYTES];
            header.get(salt);
            SecretKeySpec key = derive(masterPassword, salt, iterations);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, content, HEADER_BYTES, NONCE_BYTES));
            cipher.updateAAD(content, 0, HEADER_BYTES);
            byte[] plain = cipher.doFinal(content, HEADER_BYTES + NONCE_BYTES, content.length - HEADER_BYTES - NONCE_BYTES);
            try {
                return new PasswordFileSecretStore(file, iterations, salt, key, decodeEntries(plain));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new StoreException(StoreFailure.SECRETS, "the master password does not open " + file
                    + " (wrong password, or the file was altered)", e);
        } catch (GeneralSecurityException e) {
            throw new StoreException(StoreFailure.SECRETS, "cannot decrypt " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreException(StoreFailure.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<char[]> read(String name) {
        char[] value = entries.get(name);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    @Override
    public synchronized void write(String name, char[] secret) {
        char[] previous = entries.put(name, secret.clone());
        save();
        if (previous != null) {
            Arrays.fill(previous, '\0');
        }
    }

    @Override
    public synchronized void delete(String name) {
        char[] previous = entries.remove(name);
        if (previous != null) {
            Arrays.fill(previous, '\0');
            save();
        }
    }

    @Override
    public String description() {
        return "the password file " + file;
    }

    private void save() {
        byte[] plain = encodeEntries(entries);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            header.put(MAGIC).put((byte) VERSION).putInt(iterations).put(salt);
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.array());
            byte[] sealed = cipher.doFinal(plain);
            ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_BYTES + NONCE_BYTES + sealed.length);
            out.write(header.array());
            out.write(nonce);
            out.write(sealed);
            writeAtomically(out.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new StoreException(StoreFailure.SECRETS, "cannot encrypt " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreException(StoreFailure.IO, "cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private void writeAtomically(byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(temporary, content);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static SecretKeySpec derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            byte[] keyBytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            try {
                return new SecretKeySpec(keyBytes, "AES");
            } finally {
                Arrays.fill(keyBytes, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new StoreException(StoreFailure.SECRETS, "PBKDF2-HMAC-SHA256 is not available: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] encodeEntries(Map<String, char[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(entries.size());
            for (Map.Entry<String, char[]> entry : entries.entrySet()) {
                out.writeUTF(entry.getKey());
                ByteBuffer value = StandardCharsets.UTF_8.encode(CharBuffer.wrap(entry.getValue()));
                byte[] valueBytes = new byte[value.remaining()];
                value.get(valueBytes);
                out.writeInt(valueBytes.length);
                out.write(valueBytes);
                Arrays.fill(valueBytes, (byte) 0);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, char[]> decodeEntries(byte[] plain) throws IOException {
        Map<String, char[]> entries = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] value = in.readNBytes(in.readInt());
                CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(value));
                char[] secret = new char[chars.remaining()];
                chars.get(secret);
                entries.put(name, secret);
                Arrays.fill(value, (byte) 0);
            }
        }
        return entries;
    }
}
