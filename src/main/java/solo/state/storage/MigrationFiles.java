package solo.state.storage;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The versions of the migrations shipped on the classpath, found by listing the migration folders. */
final class MigrationFiles {
    private static final Pattern VERSIONED = Pattern.compile("V([0-9_.]+)__.*\\.sql");

    private MigrationFiles() {}

    /** Versions as Flyway writes them in its history table ("1", "100", "2.1"). */
    static Set<String> versions(String kind) throws IOException {
        Set<String> versions = new TreeSet<>();
        for (String folder : new String[] {"db/migration/common", "db/migration/" + kind}) {
            Enumeration<URL> urls = MigrationFiles.class.getClassLoader().getResources(folder);
            while (urls.hasMoreElements()) {
                for (String name : list(urls.nextElement(), folder)) {
                    Matcher m = VERSIONED.matcher(name);
                    if (m.matches()) {
                        versions.add(m.group(1).replace('_', '.'));
                    }
                }
            }
        }
        return versions;
    }

    private static Set<String> list(URL url, String folder) throws IOException {
        Set<String> names = new TreeSet<>();
        if ("jar".equals(url.getProtocol())) {
            try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(folder + "/"))
                        .forEach(n -> names.add(n.substring(folder.length() + 1)));
            }
        } else if ("file".equals(url.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.forEach(p -> names.add(p.getFileName().toString()));
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        return names;
    }
}
