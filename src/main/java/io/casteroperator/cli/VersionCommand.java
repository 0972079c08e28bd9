package io.casteroperator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code version}: prints the operator's version. */
@Command(name = "version", description = "Prints the version.")
public final class VersionCommand implements Runnable {

  /** The version of this build, as Maven wrote it into {@code version.properties}. */
  public static String version() {
    try (InputStream in = VersionCommand.class.getResourceAsStream("/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void run() {
    System.out.println("caster-operator " + version());
  }

  /** Lets {@code --version} on the top-level command print the same line. */
  public static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"caster-operator " + version()};
    }
  }
}
