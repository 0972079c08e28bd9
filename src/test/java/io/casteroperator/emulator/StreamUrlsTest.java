package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Output URLs signed like Alibaba Cloud's URL authentication type A. */
class StreamUrlsTest {
  private static final String KEY = "test-private-key";
  private final StreamUrls urls = new StreamUrls(KEY);
  private final Instant start = Instant.parse("2025-06-01T12:00:00Z");

  private static String md5(String s) throws Exception {
    return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void authKeyIsExpiryRandUidAndTheMd5OfPathAndKey() throws Exception {
    StreamUrls.Signing signing = urls.sign("Example.COM", "lp_sd_v", start);
    Studio.SceneState pgm = new Studio.SceneState("5a6c1c33-8424-46f6-813c-c152220a0001", Scene.PROGRAM);
    Scene scene = urls.scene(pgm, signing);

    Matcher m = Pattern.compile("http://example\\.com(/caster/5a6c1c338424[0-9a-f]{20}\\.flv)\\?auth_key=(\\d+)-([0-9a-f]{32})-0-([0-9a-f]{32})")
        .matcher(scene.streamUrl());
    assertTrue(m.matches(), scene.streamUrl());
    long expiry = Long.parseLong(m.group(2));
    assertEquals(start.getEpochSecond() + 86_400, expiry);
    assertEquals(md5(m.group(1) + "-" + expiry + "-" + m.group(3) + "-0-" + KEY), m.group(4), "sstring = URI-Timestamp-rand-uid-PrivateKey");
    assertEquals(List.of("flv", "m3u8", "rtmp"), scene.streamInfos().stream().map(Scene.StreamInfo::videoFormat).toList());
    assertEquals("lsd", scene.streamInfos().get(0).transcodeConfig());
    assertTrue(scene.streamInfos().get(1).outputStreamUrl().contains("_lsd.m3u8?auth_key="));
    assertTrue(scene.rtmpUrl().startsWith("rtmp://example.com/caster/5a6c1c33842446f6813cc152220a0001?auth_key="));
  }

  @Test
  void sameSigningSameUrlsNewSigningNewKeys() {
    Studio.SceneState pvw = new Studio.SceneState("5a6c1c33-8424-46f6-813c-c152220a0002", Scene.PREVIEW);
    StreamUrls.Signing signing = urls.sign("example.com", "lp_hd", start);
    assertEquals(urls.scene(pvw, signing), urls.scene(pvw, signing));
    assertNotEquals(urls.scene(pvw, signing).streamUrl(), urls.scene(pvw, urls.sign("example.com", "lp_hd", start)).streamUrl());
    assertTrue(urls.scene(pvw, signing).streamInfos().isEmpty(), "only the programme has transcoded outputs");
    assertNotEquals(new StreamUrls().authKey("/caster/x", signing), new StreamUrls().authKey("/caster/x", signing),
        "each emulator has its own private key");
  }

  @Test
  void transcodeSuffixes() {
    assertEquals("lld", StreamUrls.transcodeSuffix("lp_ld"));
    assertEquals("lhd", StreamUrls.transcodeSuffix("lp_hd_v"));
    assertEquals("lud", StreamUrls.transcodeSuffix("lp_ud"));
    assertNull(StreamUrls.transcodeSuffix(null));
    StreamUrls.Signing console = urls.sign(null, null, start);
    assertEquals(StreamUrls.NO_DOMAIN, console.domain());
    assertTrue(urls.scene(new Studio.SceneState("s", Scene.PROGRAM), console).streamInfos().isEmpty(), "no template, no transcoded outputs");
  }
}
