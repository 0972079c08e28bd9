package io.casteroperator.testing;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import com.aliyuncs.profile.DefaultProfile;
import io.casteroperator.emulator.LiveEmulator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Another tool of the same Alibaba account, calling SetCasterConfig as fast as it can with the
 * account's second key, through the real SDK: it drains the quota the operator shares.
 */
public final class CoTenant implements AutoCloseable {

  private final AtomicBoolean draining = new AtomicBoolean(true);
  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  private CoTenant(LiveEmulator emulator, String casterId) {
    for (int i = 0; i < 4; i++) {
      threads.submit(() -> callUntilClosed(emulator, casterId));
    }
  }

  /** Starts draining the quota with calls on {@code casterId}. */
  public static CoTenant drain(LiveEmulator emulator, String casterId) {
    return new CoTenant(emulator, casterId);
  }

  private void callUntilClosed(LiveEmulator emulator, String casterId) {
    DefaultAcsClient client = new DefaultAcsClient(
        DefaultProfile.getProfile("cn-shanghai", OperatorFixture.SECOND_KEY, OperatorFixture.SECOND_SECRET));
    while (draining.get()) {
      SetCasterConfigRequest request = new SetCasterConfigRequest();
      request.setCasterId(casterId);
      request.setSysEndpoint(emulator.endpoint());
      request.setSysProtocol(ProtocolType.HTTP);
      try {
        client.getAcsResponse(request);
      } catch (Exception throttledOrNot) {
        // a co-tenant does not care
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    draining.set(false);
    threads.shutdown();
    threads.awaitTermination(10, TimeUnit.SECONDS);
  }
}
