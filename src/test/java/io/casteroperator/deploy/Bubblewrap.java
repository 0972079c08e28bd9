package io.casteroperator.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * bubblewrap (Debian's {@code bubblewrap}, the {@code bwrap} command), which runs the image tree as a
 * container runtime would run the image: its own user, mount, PID and network namespaces, without a
 * Docker engine or root.
 */
final class Bubblewrap {

  private Bubblewrap() {}

  /**
   * Why bwrap cannot make a sandbox here, or null when it can: missing, or user namespaces refused
   * (Ubuntu 24.04 restricts them by AppArmor unless {@code kernel.apparmor_restrict_unprivileged_userns=0}).
   */
  static String unavailable() {
    try {
      Process probe = new ProcessBuilder("bwrap", "--unshare-user", "--unshare-net", "--ro-bind", "/", "/", "--", "true")
          .redirectErrorStream(true).start();
      String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!probe.waitFor(30, TimeUnit.SECONDS)) {
        probe.destroyForcibly();
        return "bwrap did not answer";
      }
      return probe.exitValue() == 0 ? null : "bwrap cannot create namespaces here: " + output
          + " (on Ubuntu 24.04: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0)";
    } catch (IOException e) {
      return "bwrap is not installed (Debian/Ubuntu: apt-get install bubblewrap; .ci/run installs it)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * A network namespace with nothing but its own loopback, for {@code command} and everything it
   * starts; the rest (files, user) as outside.
   */
  static List<String> loopbackOnly(List<String> command) {
    List<String> bwrap = new ArrayList<>(List.of("bwrap", "--dev-bind", "/", "/", "--unshare-net", "--die-with-parent", "--"));
    bwrap.addAll(command);
    return bwrap;
  }

  /**
   * What a Deployment with the chart's and deploy/'s security context gives the container: user and
   * group {@code uid} (no other when root runs bwrap; an unprivileged caller's own supplementary
   * groups stay, unmapped), no capabilities, a read-only root with only {@code tmp} writable
   * at /tmp, its own PID, IPC and UTS namespaces. The root holds the host's /usr and /etc (read-only:
   * the JRE and what it reads), the image tree's directories at the root, and {@code readOnly} mounts.
   * It shares the caller's network namespace, which {@link #loopbackOnly} makes loopback-only.
   */
  static List<String> container(int uid, Path imageTree, Path tmp, Map<Path, String> readOnly, Path javaHome,
      String hostname, String workdir, Map<String, String> environment, List<String> command) throws IOException {
    List<String> bwrap = new ArrayList<>(List.of("bwrap", "--unshare-user", "--uid", String.valueOf(uid), "--gid", String.valueOf(uid),
        "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--hostname", hostname,
        "--die-with-parent", "--new-session", "--cap-drop", "ALL",
        "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"));
    for (String top : List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32")) {
      Path path = Path.of("/", top);
      if (Files.isSymbolicLink(path)) {
        bwrap.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), path.toString()));
      } else if (Files.isDirectory(path)) {
        bwrap.addAll(List.of("--ro-bind", path.toString(), path.toString()));
      }
    }
    Path realJavaHome = javaHome.toRealPath();
    if (!realJavaHome.startsWith("/usr/")) {
      bwrap.addAll(List.of("--ro-bind", realJavaHome.toString(), realJavaHome.toString()));
    }
    try (var top = Files.list(imageTree)) {
      for (Path dir : top.sorted().toList()) {
        bwrap.addAll(List.of("--ro-bind", dir.toAbsolutePath().toString(), "/" + dir.getFileName()));
      }
    }
    readOnly.forEach((source, target) -> bwrap.addAll(List.of("--ro-bind", source.toAbsolutePath().toString(), target)));
    bwrap.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--bind", tmp.toAbsolutePath().toString(), "/tmp",
        "--remount-ro", "/", "--chdir", workdir, "--clearenv"));
    environment.forEach((name, value) -> bwrap.addAll(List.of("--setenv", name, value)));
    bwrap.add("--");
    bwrap.addAll(command);
    return bwrap;
  }
}
