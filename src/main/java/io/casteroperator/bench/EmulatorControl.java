package io.casteroperator.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the bench asks of the Live API emulator: the Java object in this process, or its admin API
 * when the servers run in a JVM of their own ({@code --split}).
 */
interface EmulatorControl {

  /** {@code host:port} for the Live API clients. */
  String endpoint();

  /** Creates a caster in {@code account}, as the console does; its id. */
  String createCaster(String account, String name);

  /** Action → code → calls of the account, since the emulator started (all its keys). */
  Map<String, Map<String, Long>> calls(String account);

  /** Action → the most calls of the account attempted in any one-second window since the emulator started. */
  Map<String, Integer> peaks(String account);

  /** The account's calls of {@code action} still in the emulator's log, oldest first. */
  List<EmulatorCall> log(String action, String account);

  /** The newest call of {@code action} on the caster, if any. */
  Optional<EmulatorCall> lastCall(String action, String casterId);
}
