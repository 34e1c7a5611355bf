import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the drop-in jar so that the classes a fresh JVM's first query loads are stored, not
 * deflated.
 *
 * <p>A JVM inflates every class it reads from a jar. In a first query that is ~3,800 classes (26
 * MB) from the drop-in jar, on the two cores that also run the query and the JIT compilers; stored
 * entries are read as they are. The classes are those of the driver's preloading list ({@code
 * first-query-classes.txt}), under their relocated names where the jar relocated them. Every other
 * entry stays deflated, so the jar grows by what those classes' compression saved (~18 MB), not by
 * all of it. Run by the build (pom.xml, exec plugin, after the shade plugin) as a single-file
 * program: {@code java StoreFirstQueryClasses.java JAR LIST RELOCATION_PREFIX}.
 */
public final class StoreFirstQueryClasses {
  private StoreFirstQueryClasses() {}

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    Set<String> listed = listedClassFiles(Path.of(args[1]));
    String relocationPrefix = args[2];
    Path rewritten = jar.resolveSibling(jar.getFileName() + ".rewriting");
    int stored = 0;
    long storedBytes = 0;
    try (ZipFile in = new ZipFile(jar.toFile());
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(rewritten));
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (ZipEntry entry : Collections.list(in.entries())) {
        byte[] data;
        try (InputStream content = in.getInputStream(entry)) {
          data = content.readAllBytes();
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        String name = entry.getName();
        boolean firstQueryClass =
            listed.contains(name)
                || (name.startsWith(relocationPrefix)
                    && listed.contains(name.substring(relocationPrefix.length())));
        if (firstQueryClass) {
          CRC32 crc = new CRC32();
          crc.update(data);
          copy.setMethod(ZipEntry.STORED);
          copy.setSize(data.length);
          copy.setCompressedSize(data.length);
          copy.setCrc(crc.getValue());
          stored++;
          storedBytes += data.length;
        } else {
          copy.setMethod(ZipEntry.DEFLATED);
        }
        out.putNextEntry(copy);
        out.write(data);
        out.closeEntry();
      }
    }
    // A list that no longer names the jar's classes (a relocation prefix changed, a library
    // renamed) would leave the jar deflated without a word: fail the build instead.
    long libraryNames = listed.stream().filter(n -> !isJdkClassFile(n)).count();
    if (stored < libraryNames / 2) {
      Files.delete(rewritten);
      throw new IllegalStateException(
          "only "
              + stored
              + " of the "
              + libraryNames
              + " library classes in "
              + args[1]
              + " were found in "
              + jar
              + " (relocation prefix "
              + relocationPrefix
              + ")");
    }
    Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
    System.out.printf(
        "%s: %,d classes a first query loads stored uncompressed (%,.1f MB); jar %,.1f MB%n",
        jar.getFileName(), stored, storedBytes / 1e6, Files.size(jar) / 1e6);
  }

  /** The list's class names as jar entry names ({@code a/b/C$D.class}); comments skipped. */
  private static Set<String> listedClassFiles(Path list) throws IOException {
    Set<String> names = new HashSet<>();
    for (String line : Files.readAllLines(list)) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        names.add(name.replace('.', '/') + ".class");
      }
    }
    return names;
  }

  /** Whether the class comes with the JDK, so that no jar of the driver holds it. */
  private static boolean isJdkClassFile(String name) {
    return name.startsWith("java/")
        || name.startsWith("javax/")
        || name.startsWith("jdk/")
        || name.startsWith("sun/")
        || name.startsWith("com/sun/");
  }
}
