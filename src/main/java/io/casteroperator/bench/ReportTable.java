package io.casteroperator.bench;

/** A run's figures as the table {@code bench} prints: figure, measured, goal. */
final class ReportTable {

  private static final String ROW = "%-50s %14s %12s%n";
  private static final String CPU_ROW = "%-50s %14s %12s%n";

  private final BenchReport r;
  private final StringBuilder out = new StringBuilder();

  ReportTable(BenchReport report) {
    this.r = report;
  }

  String render() {
    out.append(String.format("Benchmark: %d Casters over %d account%s at %d calls/s each, submitted by %d clients at once, %s"
            + " (ideal %.1f s)%s%s%s%n", r.casters(), r.accounts(), r.accounts() == 1 ? "" : "s", r.qps(), r.submitters(),
        r.warmUp() ? "after a warm-up Caster" : "cold", r.idealSeconds(),
        r.split() ? ", API server and emulator in a JVM of their own" : "",
        r.unrelatedSecrets() == 0 ? "" : ", beside " + r.unrelatedSecrets() + " unrelated Secrets of 64 KiB",
        r.studio() ? ", each with a small studio (2 inputs, a layout, a text overlay, both scenes; running)" : ""));
    out.append(String.format(ROW, "figure", "measured", "goal"));
    convergence();
    studio();
    idle();
    drift();
    burst();
    costs();
    return out.toString();
  }

  private void convergence() {
    String q = "<= " + r.qps();
    row("phase 1: time to all Ready (s)", f(r.elapsedSeconds()), "");
    row("phase 1: ratio to N/(K·Q)", f3(r.ratioToIdeal()), "<= 1.05");
    row("phase 1: SetCasterConfig calls per Caster", f3(r.setCasterConfigCallsPerCaster()), "1.00");
    row("phase 1: Throttling answers", r.throttled(), r.burst() == null ? "0" : "");
    row("phase 1: peak SetCasterConfig calls in 1 s", r.peakCallsPerSecond(), q);
    row("phase 1: quota utilisation", f3(r.utilisation()), ">= 0.95");
    row("phase 1: limited by", r.phase1LimitedBy(), "quota");
    row("phase 2: time to all Ready after a change (s)", f(r.changeElapsedSeconds()), "");
    row("phase 2: ratio to N/(K·Q)", f3(r.changeRatioToIdeal()), "<= 1.05");
    row("phase 2: SetCasterConfig calls per Caster", f3(r.changeCallsPerCaster()), "1.00");
    row("phase 2: Throttling answers", r.changeThrottled(), "0");
    row("phase 3: SetCasterConfig calls after restart", r.restartSetCasterConfigCalls(), "0");
    row("phase 3: other Live API calls after restart", r.restartOtherCalls(), "");
    row("change -> call latency p50 (ms)", f(r.latencyP50Millis()), "");
    row("change -> call latency p99 (ms)", f(r.latencyP99Millis()), "");
  }

  private void studio() {
    SmallStudio.Figures st = r.studioFigures();
    if (st == null) {
      return;
    }
    row("studio: Live API calls per Caster (phase 1)", f3(st.liveApiCallsPerCaster()), "");
    row("studio: of which the studio's own", f3(st.studioCallsPerCaster()), "");
    st.callsPerCasterByAction().forEach((action, perCaster) -> row("  " + action, f3(perCaster), ""));
    row("studio: binding action", String.join(" = ", st.studioBindingActions()), "");
    row("studio: its calls per Caster, at its quota", f3(st.studioBindingCallsPerCaster()) + " at " + st.studioBindingQuota() + "/s",
        "");
    row("studio: ideal for the least calls (s)", f(st.studioIdealSeconds()), "");
    row("studio: ratio to that ideal", f3(st.studioRatioToIdeal()), "");
    row("studio: peak calls of one action in 1 s (" + st.studioPeakAction() + ")", st.studioPeakCallsPerSecond(),
        "<= " + r.qps());
  }

  private void idle() {
    IdlePhase.Figures idle = r.idle();
    row("idle: operator CPU (% of one core, " + f(idle.idleSeconds()) + " s)", f3(idle.idleOperatorCpuPercent()), "< 2");
    row("idle: reconciles / Live API calls", f(idle.idleReconciles()) + " / " + idle.idleLiveApiCalls(), "");
  }

  private void drift() {
    DriftPhase.Figures d = r.drift();
    if (d == null) {
      return;
    }
    row("drift: sweep / ideal (s), interval " + f(d.driftIntervalSeconds()) + " s",
        f(d.driftSweepSeconds()) + " / " + f(d.driftIdealSeconds()), "");
    row("drift: ratio to N/(K·Q)", f3(d.driftRatioToIdeal()), "<= 1.10");
    row("drift: peak Describe calls in 1 s", d.driftPeakDescribePerSecond(), "<= " + r.qps());
    row("drift: DescribeCasterConfig per caster", f3(d.driftReadsPerCaster()), "1.00");
    row("drift: DescribeCasters (pages of 100)", d.driftPageReads(), "");
    row("drift: operator CPU per check (ms)", f3(d.driftOperatorCpuMsPerCaster()), "");
  }

  private void burst() {
    CoTenantBurst.Figures b = r.burst();
    if (b == null) {
      return;
    }
    row("burst: co-tenant calls in " + f(b.burstSeconds()) + " s on " + b.burstAccount(), b.coTenantCalls(), "");
    row("burst: Throttling answers to the operator", b.throttledAnswers(), "bounded");
    row("burst: back to 95 % of Q after (s), recovery " + f(b.throttleRecoverySeconds()) + " s",
        b.recoverySeconds() == null ? "not reached" : f(b.recoverySeconds()), "");
    row("burst: best rate afterwards (% of Q)", f(b.bestRateAfterBurstPercent()), ">= 95");
  }

  private void costs() {
    row("operator CPU per applied Caster (ms)", f3(r.operatorCpuMsPerApply()), "<= 2");
    row("operator reconciles per applied Caster", f(r.reconcilesPerApply()), "");
    row("operator heap after GC (MiB)", f(r.operatorHeapMiB()), "");
    row("operator heap per Caster (KiB)", f(r.heapKiBPerCaster()), "<< 1024");
    row("process CPU, all components (s)", f(r.processCpuSeconds()), "");
    row("reconcile threads CPU (s)", f(r.reconcilerCpuSeconds()), "");
    out.append(String.format(CPU_ROW, "CPU by part (s)", "phase 1", "phase 2"));
    cpuRow("  operator", r.phase1Cpu().operator(), r.phase2Cpu().operator());
    cpuRow("  API server", r.phase1Cpu().apiServer(), r.phase2Cpu().apiServer());
    cpuRow("  emulator", r.phase1Cpu().emulator(), r.phase2Cpu().emulator());
    cpuRow("  bench (submitters, tracker, co-tenant)", r.phase1Cpu().bench(), r.phase2Cpu().bench());
    cpuRow("  JVM (GC, JIT)", r.phase1Cpu().jvm(), r.phase2Cpu().jvm());
    if (r.split()) {
      cpuRow("  servers JVM (GC, JIT)", r.phase1Cpu().serversJvm(), r.phase2Cpu().serversJvm());
    }
    out.append(String.format(CPU_ROW, "  share of " + r.availableProcessors() + " cores busy",
        pct(r.phase1MachineBusy()), pct(r.phase2MachineBusy())));
  }

  private void cpuRow(String label, double phase1, double phase2) {
    out.append(String.format(CPU_ROW, label, f(phase1), f(phase2)));
  }

  private void row(String figure, Object measured, String goal) {
    out.append(String.format(ROW, figure, measured, goal));
  }

  private static String f(double value) {
    return String.format("%.1f", value);
  }

  private static String f3(double value) {
    return String.format("%.3f", value);
  }

  private static String pct(double fraction) {
    return String.format("%.0f %%", 100 * fraction);
  }
}
