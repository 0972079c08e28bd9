package io.casteroperator.cli;

import io.casteroperator.emulator.LiveEmulator;
import io.casteroperator.playground.PlaygroundConsole;
import io.casteroperator.playground.PlaygroundOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code playground}: the whole system on this machine (Kubernetes API, Live API emulator,
 * operator), with the examples applied; use kubectl against it. {@code --once} checks the examples
 * end to end and exits.
 */
@Command(name = "playground", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs an in-process Kubernetes API, the Live API emulator and the operator, and applies the examples.")
public final class PlaygroundCommand implements Callable<Integer> {

  @Option(names = "--kube-port", defaultValue = "18080", description = "Port of the Kubernetes API (default ${DEFAULT-VALUE}).")
  int kubePort;

  @Option(names = "--emulator-port", defaultValue = "9000", description = "Port of the Live API emulator (default ${DEFAULT-VALUE}).")
  int emulatorPort;

  @Option(names = "--http-port", defaultValue = "8080",
      description = "Port of the operator's /healthz, /readyz and /metrics (default ${DEFAULT-VALUE}; -1 for none).")
  int httpPort;

  @Option(names = "--account", paramLabel = "ID:SECRET",
      description = "The emulator's account key pair, also the operator's default credentials (default: the demo pair).")
  String account;

  @Option(names = "--apply", defaultValue = "deploy/examples", description = "Directory of manifests to apply (default ${DEFAULT-VALUE}).")
  Path manifests;

  @Option(names = "--kubeconfig", defaultValue = "target/playground.kubeconfig",
      description = "Where to write the kubeconfig for kubectl (default ${DEFAULT-VALUE}).")
  Path kubeconfig;

  @Option(names = "--schema-validation", defaultValue = "on", paramLabel = "on|off",
      converter = OnOff.class,
      description = "Whether the API server checks Casters against the CRD's schema and CEL rules on write, as a cluster "
          + "does (default ${DEFAULT-VALUE}). off: any Caster is stored as sent, so broken manifests reach the operator, "
          + "which reports them (InvalidSpec).")
  boolean schemaValidation;

  @Option(names = "--once", description = "Apply, wait until every Caster settles, print the table, and exit: "
      + "0 only if every example is Ready for its generation with exactly one SetCasterConfig call.")
  boolean once;

  @Option(names = "--timeout", defaultValue = "60s", converter = RunCommand.DurationConverter.class,
      description = "With --once, how long to wait for the Casters to settle (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    String missing = PlaygroundLibraries.missing("playground");
    if (missing != null) {
      System.err.println(missing);
      return 1;
    }
    String id = LiveEmulator.DEMO_ACCESS_KEY_ID;
    String secret = LiveEmulator.DEMO_ACCESS_KEY_SECRET;
    if (account != null) {
      int colon = account.indexOf(':');
      if (colon <= 0 || colon == account.length() - 1) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--account must be ID:SECRET");
      }
      id = account.substring(0, colon);
      secret = account.substring(colon + 1);
    }
    // Everything that names a playground class stays out of this class's method signatures: picocli
    // reflects on them when the run command starts, which would load those classes.
    return PlaygroundConsole.run(new PlaygroundOptions(kubePort, emulatorPort, httpPort, id, secret,
        manifests, kubeconfig, timeout, schemaValidation), once);
  }

  /** on/off, as the option is written on the command line. */
  static final class OnOff implements CommandLine.ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
      return switch (value.toLowerCase(java.util.Locale.ROOT)) {
        case "on", "true" -> true;
        case "off", "false" -> false;
        default -> throw new CommandLine.TypeConversionException("expected on or off, got '" + value + "'");
      };
    }
  }
}
