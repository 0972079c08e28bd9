package io.casteroperator.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The output URLs of a studio's scenes and channels, signed as Alibaba Cloud's URL authentication
 * type A signs them: {@code auth_key=<expiry>-<rand>-0-<md5(path-expiry-rand-0-key)>}. URLs are a
 * pure function of the signing made at each start, so they stay the same until the next start.
 */
final class StreamUrls {
  /** guess: the app name of studio outputs, as in the SetCasterConfig page's example URL. */
  static final String APP = "caster";
  /** guess: how long a signed URL stays valid after the start that signed it. */
  static final Duration VALIDITY = Duration.ofDays(1);
  /** Host of the URLs of a studio the console started without a DomainName (the API refuses that). */
  static final String NO_DOMAIN = "no-domain.invalid";

  /** What one start signed with: the domain, the transcode suffix, the expiry and the nonce. */
  record Signing(String domain, String transcodeConfig, long expiresEpochSecond, String rand) {}

  private final String privateKey;

  StreamUrls() {
    byte[] key = new byte[16];
    new SecureRandom().nextBytes(key);
    this.privateKey = HexFormat.of().formatHex(key);
  }

  StreamUrls(String privateKey) {
    this.privateKey = privateKey;
  }

  Signing sign(String domainOrNull, String casterTemplateOrNull, Instant now) {
    return new Signing(
        domainOrNull == null ? NO_DOMAIN : domainOrNull.toLowerCase(Locale.ROOT),
        transcodeSuffix(casterTemplateOrNull),
        now.plus(VALIDITY).getEpochSecond(),
        UUID.randomUUID().toString().replace("-", ""));
  }

  /** lp_hd and lp_hd_v -> lhd: the TranscodeConfig names the documentation's StreamInfo uses. */
  static String transcodeSuffix(String casterTemplate) {
    if (casterTemplate == null || !casterTemplate.startsWith("lp_")) {
      return null;
    }
    String quality = casterTemplate.substring(3).replace("_v", "");
    return "l" + quality;
  }

  Scene scene(Studio.SceneState s, Signing signing) {
    String stream = s.sceneId.replace("-", "");
    List<Scene.StreamInfo> infos = new ArrayList<>();
    if (s.outputType == Scene.PROGRAM && signing.transcodeConfig() != null) {
      String transcoded = stream + "_" + signing.transcodeConfig();
      infos.add(new Scene.StreamInfo("flv", signing.transcodeConfig(), url(signing, "http", transcoded + ".flv")));
      infos.add(new Scene.StreamInfo("m3u8", signing.transcodeConfig(), url(signing, "http", transcoded + ".m3u8")));
      infos.add(new Scene.StreamInfo("rtmp", signing.transcodeConfig(), url(signing, "rtmp", transcoded)));
    }
    return new Scene(s.sceneId, s.name(), s.outputType, s.status, s.layoutId, s.componentIds,
        url(signing, "http", stream + ".flv"), url(signing, "rtmp", stream), infos);
  }

  /** guess: a channel's output is a stream named after the caster and the channel. */
  String channelFlv(String casterId, String channelId, Signing signing) {
    return url(signing, "http", channelStream(casterId, channelId) + ".flv");
  }

  String channelRtmp(String casterId, String channelId, Signing signing) {
    return url(signing, "rtmp", channelStream(casterId, channelId));
  }

  private static String channelStream(String casterId, String channelId) {
    return casterId.replace("-", "").toLowerCase(Locale.ROOT) + "_" + channelId;
  }

  private String url(Signing signing, String scheme, String file) {
    String path = "/" + APP + "/" + file;
    return scheme + "://" + signing.domain() + path + "?auth_key=" + authKey(path, signing);
  }

  String authKey(String path, Signing signing) {
    String prefix = signing.expiresEpochSecond() + "-" + signing.rand() + "-0";
    return prefix + "-" + md5(path + "-" + prefix + "-" + privateKey);
  }

  private static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
