package org.sealmail.app.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds out whether a TCP port on loopback is free and, on Linux, which process listens on it
 * (from {@code /proc/net/tcp}, {@code /proc/net/tcp6} and the socket links under
 * {@code /proc/PID/fd}; only processes this user may inspect are found).
 */
public final class PortHolder {

    private static final String LISTEN = "0A";

    private final Path proc;

    /** @param proc the proc file system root ({@code /proc}; tests give a copy) */
    PortHolder(Path proc) {
        this.proc = proc;
    }

    /** @return a finder over this machine's {@code /proc} */
    public static PortHolder ofThisMachine() {
        return new PortHolder(Path.of("/proc"));
    }

    /**
     * @param port a TCP port
     * @return whether a server socket can be bound on 127.0.0.1 at that port now
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return a port the system says is free on 127.0.0.1 now */
    public static int anyFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free TCP port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /**
     * @param port a TCP port
     * @return the listening process as {@code "process PID (COMMAND LINE)"}, or empty when it cannot be found out
     */
    public Optional<String> describe(int port) {
        Optional<String> inode = listeningInode(port);
        if (inode.isEmpty()) {
            return Optional.empty();
        }
        String link = "socket:[" + inode.get() + "]";
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, entry -> entry.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path process : processes) {
                if (holds(process.resolve("fd"), link)) {
                    return Optional.of("process " + process.getFileName() + " (" + commandLine(process) + ")");
                }
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private Optional<String> listeningInode(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("net/tcp", "net/tcp6")) {
            Path file = proc.resolve(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals(LISTEN)) {
                        return Optional.of(fields[9]);
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean holds(Path fds, String link) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
            for (Path fd : entries) {
                try {
                    if (Files.isSymbolicLink(fd) && Files.readSymbolicLink(fd).toString().equals(link)) {
                        return true;
                    }
                } catch (IOException e) {
                    // the descriptor closed meanwhile
                }
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
        return false;
    }

    private static String commandLine(Path process) {
        try {
            String raw = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').trim();
            String printable = raw.replaceAll("\\p{Cntrl}", "?");
            return printable.length() > 120 ? printable.substring(0, 117) + "..." : printable;
        } catch (IOException e) {
            return "command line unknown";
        }
    }
}
