package io.casteroperator.cli;

import picocli.CommandLine.Command;

/** {@code emulator}: runs the local Live API emulator (filled in by the emulator work). */
@Command(name = "emulator", description = "Runs a local ApsaraVideo Live API emulator.")
public final class EmulatorCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("not yet");
  }
}
