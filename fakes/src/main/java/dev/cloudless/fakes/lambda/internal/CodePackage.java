package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.internal.CloudContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip Lambda has accepted, function code or layer content, stored once in the cloud's scratch
 * directory. Its sizes come from the zip's central directory when it is stored; it is extracted
 * only when an execution environment first needs it, so a function that is never invoked costs no
 * extraction.
 */
final class CodePackage {

  private final CloudContext cloud;
  private final Path zip;
  private final String codeSha256;
  private final long codeSize;
  private final long unzippedSize;
  private Path extracted;

  private CodePackage(
      CloudContext cloud, Path zip, String codeSha256, long codeSize, long unzippedSize) {
    this.cloud = cloud;
    this.zip = zip;
    this.codeSha256 = codeSha256;
    this.codeSize = codeSize;
    this.unzippedSize = unzippedSize;
  }

  /**
   * Stores {@code bytes} as a package.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidParameterValueException} if
   *     they are not a zip Lambda can extract
   */
  static CodePackage store(CloudContext cloud, byte[] bytes, String codeSha256) {
    Path dir = cloud.newScratchDirectory("package-");
    Path zip = dir.resolve("package.zip");
    try {
      Files.write(zip, bytes);
      long unzipped = 0;
      try (ZipFile file = new ZipFile(zip.toFile())) {
        Enumeration<? extends ZipEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
          ZipEntry entry = entries.nextElement();
          if (!safe(entry.getName())) {
            throw PackageErrors.couldNotUnzip();
          }
          unzipped += entry.isDirectory() ? 0 : sizeOf(file, entry);
        }
      }
      return new CodePackage(cloud, zip, codeSha256, bytes.length, unzipped);
    } catch (ZipException e) {
      CloudContext.deleteRecursively(dir);
      throw PackageErrors.couldNotUnzip();
    } catch (IOException e) {
      CloudContext.deleteRecursively(dir);
      throw new UncheckedIOException("Could not store a deployment package in " + dir, e);
    } catch (RuntimeException e) {
      CloudContext.deleteRecursively(dir);
      throw e;
    }
  }

  /** The base64 SHA-256 Lambda reports as {@code CodeSha256}. */
  static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  /** The central directory's size, or the inflated size where a writer left it unknown. */
  private static long sizeOf(ZipFile file, ZipEntry entry) throws IOException {
    if (entry.getSize() >= 0) {
      return entry.getSize();
    }
    try (InputStream in = file.getInputStream(entry)) {
      return in.transferTo(OutputStream.nullOutputStream());
    }
  }

  /** An entry that stays inside the directory it is extracted to. */
  private static boolean safe(String name) {
    if (name.startsWith("/") || name.startsWith("\\")) {
      return false;
    }
    for (String part : name.split("[/\\\\]")) {
      if (part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  String codeSha256() {
    return codeSha256;
  }

  long codeSize() {
    return codeSize;
  }

  long unzippedSize() {
    return unzippedSize;
  }

  /** The package extracted (once) into its own directory: a function's {@code /var/task}. */
  synchronized Path extracted() {
    if (extracted == null) {
      Path dir = cloud.newScratchDirectory("task-" + shortName() + "-");
      extractInto(dir);
      extracted = dir;
    }
    return extracted;
  }

  /**
   * Extracts every entry into {@code dir}, replacing what is there: extracting layers one after the
   * other into one directory gives {@code /opt}, where a later layer's file wins.
   */
  void extractInto(Path dir) {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path target = dir.resolve(entry.getName()).normalize();
        if (entry.isDirectory()) {
          replaceFileWithDirectory(target);
          continue;
        }
        replaceFileWithDirectory(target.getParent());
        if (Files.isDirectory(target)) {
          CloudContext.deleteRecursively(target);
        }
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not extract a deployment package into " + dir, e);
    }
  }

  /** Creates {@code dir} and its parents, replacing any file in the way by a directory. */
  private static void replaceFileWithDirectory(Path dir) throws IOException {
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p)) {
        Files.delete(p);
        break;
      }
    }
    Files.createDirectories(dir);
  }

  private String shortName() {
    return HexFormat.of().formatHex(Base64.getDecoder().decode(codeSha256), 0, 4);
  }

  @Override
  public String toString() {
    return "CodePackage[" + codeSha256 + ", " + codeSize + " bytes]";
  }
}
