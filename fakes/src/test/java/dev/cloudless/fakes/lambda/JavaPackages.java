package dev.cloudless.fakes.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real deployment packages in tests: compiles Java sources with the JDK's compiler and zips
 * the classes, as a build would, so that no binary is committed.
 */
final class JavaPackages {

  private JavaPackages() {}

  /** The jar or directory a class was loaded from: a dependency to compile against or bundle. */
  static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Compiles {@code sources} (class name to source) for Java 17 into a new directory under {@code
   * work}, against {@code classPath}.
   */
  static Path compile(Path work, Map<String, String> sources, Path... classPath) {
    try {
      Path src = Files.createTempDirectory(work, "src-");
      Path out = Files.createTempDirectory(work, "classes-");
      List<String> arguments =
          new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", out.toString()));
      if (classPath.length > 0) {
        arguments.add("-classpath");
        arguments.add(
            Stream.of(classPath)
                .map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator)));
      }
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue());
        arguments.add(file.toString());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      ByteArrayOutputStream errors = new ByteArrayOutputStream();
      int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
      if (status != 0) {
        throw new IllegalStateException(
            "Compilation failed:\n" + errors.toString(StandardCharsets.UTF_8));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A zip being built: entries in the order they are added. */
  static Zip zip() {
    return new Zip();
  }

  static final class Zip {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    /** Every file under {@code dir}, at {@code prefix} (empty for the zip's root). */
    Zip tree(String prefix, Path dir) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String name = prefix + dir.relativize(file).toString().replace('\\', '/');
          entries.put(name, Files.readAllBytes(file));
        }
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A file's bytes at {@code name}. */
    Zip file(String name, Path file) {
      try {
        entries.put(name, Files.readAllBytes(file));
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Zip entry(String name, byte[] content) {
      entries.put(name, content);
      return this;
    }

    /** Everything so far, deflated. */
    byte[] bytes() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          zip.putNextEntry(new ZipEntry(e.getKey()));
          zip.write(e.getValue());
          zip.closeEntry();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }

    /** Writes the zip to {@code file}, returning it. */
    Path writeTo(Path file) {
      try {
        return Files.write(file, bytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * A zip holding one STORED entry of {@code size} bytes drawn from {@code random}: incompressible,
   * so the zip is as large as its content.
   */
  static byte[] storedZip(int size, java.util.Random random) {
    byte[] content = new byte[size];
    random.nextBytes(content);
    ZipEntry entry = new ZipEntry("blob.bin");
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(size);
    CRC32 crc = new CRC32();
    crc.update(content);
    entry.setCrc(crc.getValue());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(size + 1024);
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(entry);
      zip.write(content);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A small zip whose one entry unzips to {@code size} zero bytes: how a test reaches the 250 MB
   * unzipped limit without 250 MB of zip.
   */
  static byte[] zerosZip(String name, long size) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
      zip.putNextEntry(new ZipEntry(name));
      byte[] chunk = new byte[1 << 20];
      for (long left = size; left > 0; left -= chunk.length) {
        zip.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
