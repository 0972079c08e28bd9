package io.casteroperator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code caster-operator.jar}: one command with a subcommand per job. */
@Command(
    name = "caster-operator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Manages Alibaba Cloud ApsaraVideo Live production studios (casters) from Kubernetes.",
    subcommands = {
      RunCommand.class,
      VersionCommand.class,
      EmulatorCommand.class,
      PlaygroundCommand.class,
      BenchCommand.class,
      BenchServersCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    useCommonPoolOnSmallMachines();
    System.exit(execute(args));
  }

  /**
   * On one or two CPUs (the chart's limit is one) the common pool's parallelism is 1, and then
   * CompletableFuture runs every async completion on a new thread: the JDK HTTP client the
   * Kubernetes client uses would start a thread per API response. Two workers avoid it. Set before
   * anything touches the pool; a value given on the command line wins.
   */
  static void useCommonPoolOnSmallMachines() {
    String key = "java.util.concurrent.ForkJoinPool.common.parallelism";
    if (System.getProperty(key) == null && Runtime.getRuntime().availableProcessors() <= 2) {
      System.setProperty(key, "2");
    }
  }

  /** Runs a command line and returns its exit code; tests call this instead of {@link #main}. */
  public static int execute(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
