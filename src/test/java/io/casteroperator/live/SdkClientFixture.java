package io.casteroperator.live;

import io.casteroperator.emulator.LiveEmulator;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One emulator per test class, on a free port, with the cloud seam's client over the real SDK and
 * real HTTP pointed at it (account {@link #ACCOUNT}, region cn-shanghai). Quotas are generous, and
 * faults and quotas are reset after each test.
 */
abstract class SdkClientFixture {

  static final String KEY = "LTAIliveClientKey";
  static final String SECRET = "live-client-secret";
  static final String ACCOUNT = "acct";

  static LiveEmulator emulator;
  static LiveClient client;

  @BeforeAll
  static void startEmulator() {
    emulator = LiveEmulator.builder().port(0).account(KEY, SECRET, ACCOUNT).allQuotas(1000).build().start();
    client = factory(Duration.ofSeconds(5)).client(new LiveCredentials.AccessKey(KEY, SECRET, null, ACCOUNT), "cn-shanghai");
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @AfterEach
  void noFaults() {
    emulator.clearFaults();
    emulator.setAllQuotas(1000);
  }

  static LiveClientFactory factory(Duration readTimeout) {
    return new SdkLiveClientFactory(new LiveSettings(URI.create("http://" + emulator.endpoint()), Duration.ofSeconds(2), readTimeout));
  }
}
