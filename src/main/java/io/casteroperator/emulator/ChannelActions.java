package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DescribeCasterChannels and SetCasterChannel (studio-api-notes §3): in channel mode a studio has
 * channels RV01..RVnn (n its input count), each playing at most one resource, and a resource plays
 * on at most one channel.
 */
final class ChannelActions {
  private static final Pattern CHANNEL = Pattern.compile("RV(\\d\\d)");
  private static final List<String> FACE_BEAUTY = List.of("0", "1", "2", "3", "4");

  private final StudioAccess access;
  private final StreamUrls urls;

  ChannelActions(StudioAccess access, StreamUrls urls) {
    this.access = access;
    this.urls = urls;
  }

  ObjectNode describe(Caller who, Map<String, String> p) {
    return access.read(who, p, c -> {
      List<Channel> channels = channels(c, access.settings.studioInputs());
      ObjectNode out = Json.object();
      out.put("Total", channels.size());
      ArrayNode list = out.putObject("Channels").putArray("Channel");
      channels.forEach(ch -> list.add(view(c, ch)));
      return out;
    });
  }

  /**
   * Binds a resource to a channel (idempotent), or empties the channel when ResourceId is left out
   * (guess: the current page makes ResourceId optional and names no other way to unbind).
   * SeekOffset and PlayStatus act on the playing file and are not stored.
   */
  ObjectNode set(Caller who, Map<String, String> p) {
    String channelId = Params.required(p, "ChannelId");
    String resourceId = Params.optional(p, "ResourceId");
    Params.integer(p, "SeekOffset", 0, Integer.MAX_VALUE);
    Params.integer(p, "PlayStatus", 0, 1);
    String faceBeauty = Params.oneOf(p, "FaceBeauty", FACE_BEAUTY);
    access.read(who, p, c -> {
      bind(c, channelId, resourceId, faceBeauty);
      return null;
    });
    return Json.object();
  }

  void consoleSet(String casterId, String channelId, String resourceIdOrNull) {
    access.console(casterId, c -> {
      bind(c, channelId, resourceIdOrNull, null);
      return null;
    });
  }

  private void bind(StoredCaster c, String channelId, String resourceId, String faceBeauty) {
    var m = CHANNEL.matcher(channelId);
    int inputs = access.settings.studioInputs();
    if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > inputs) {
      throw Params.malformed("ChannelId", "must be a channel of the studio, RV01 to RV" + twoDigits(inputs));
    }
    // guess: the code for a channel call on a studio without channel mode is not documented.
    if (c.channelEnable != 1) {
      throw Params.malformed("ChannelId", "caster " + c.id + " does not have channels enabled (ChannelEnable=1)");
    }
    if (resourceId != null) {
      c.studio.resource(resourceId);
      c.studio.channelOf(resourceId)
          .filter(other -> !other.channelId().equals(channelId))
          .ifPresent(other -> {
            throw ApiError.RESOURCE_OF_CHANNEL_EXIST.exception(
                "Resource " + resourceId + " has been set to channel " + other.channelId() + " already.");
          });
    }
    Channel old = c.studio.channels.get(channelId);
    String beauty = faceBeauty != null ? faceBeauty : old == null ? null : old.faceBeauty();
    c.studio.channels.put(channelId, new Channel(channelId, resourceId, beauty));
  }

  /** Every channel of a studio in channel mode, set or not; none otherwise (guess: unset ones are listed). */
  static List<Channel> channels(StoredCaster c, int inputs) {
    List<Channel> all = new ArrayList<>();
    if (c.channelEnable != 1) {
      return all;
    }
    for (int n = 1; n <= inputs; n++) {
      String id = "RV" + twoDigits(n);
      all.add(c.studio.channels.getOrDefault(id, new Channel(id, null, null)));
    }
    return all;
  }

  /** Output URLs exist once the studio was started, for channels that play something. */
  private ObjectNode view(StoredCaster c, Channel ch) {
    ObjectNode item = Json.object();
    item.put("ChannelId", ch.channelId());
    if (ch.resourceId() != null) {
      item.put("ResourceId", ch.resourceId());
      if (c.studio.signing != null) {
        item.put("StreamUrl", urls.channelFlv(c.id, ch.channelId(), c.studio.signing));
        item.put("RtmpUrl", urls.channelRtmp(c.id, ch.channelId(), c.studio.signing));
      }
    }
    if (ch.faceBeauty() != null) {
      item.put("FaceBeauty", ch.faceBeauty());
    }
    return item;
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
