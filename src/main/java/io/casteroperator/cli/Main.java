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
    System.exit(execute(args));
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
