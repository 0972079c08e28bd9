package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Add/Modify/Delete/DescribeCasterVideoResource(s): a studio's inputs (studio-api-notes §4). */
final class ResourceActions {
  /** The notes' reading of the disagreeing pages: require a location, accept RV01-RV99. */
  static final Pattern LOCATION = Pattern.compile("RV(0[1-9]|[1-9]\\d)");
  static final List<String> SOURCES = List.of("LiveStreamUrl", "MaterialId", "VodUrl", "ImageId", "ImageUrl");
  private static final Pattern LIVE_URL = Pattern.compile("(?i)(rtmp|rtmps|http|https|artc)://\\S+");
  private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://\\S+");

  private final StudioAccess access;

  ResourceActions(StudioAccess access) {
    this.access = access;
  }

  /** One of the five source parameters and its value. */
  private record Source(String parameter, String value) {}

  ObjectNode add(Caller who, Map<String, String> p) {
    VideoResource wanted = parseNew(p);
    String id = access.change(who, p, c -> insert(c, wanted));
    return Json.object().put("ResourceId", id);
  }

  ObjectNode modify(Caller who, Map<String, String> p) {
    String resourceId = Params.required(p, "ResourceId");
    Source source = source(p);
    String casterId = access.change(who, p, c -> {
      replace(c, resourceId, source, p);
      return c.id;
    });
    return Json.object().put("ResourceId", resourceId).put("CasterId", casterId);
  }

  ObjectNode delete(Caller who, Map<String, String> p) {
    String resourceId = Params.required(p, "ResourceId");
    access.change(who, p, c -> {
      c.studio.resource(resourceId);
      if (access.settings.strictReferences()) {
        requireUnused(c, resourceId);
      }
      c.studio.resources.remove(resourceId);
      return null;
    });
    return Json.object();
  }

  ObjectNode describe(Caller who, Map<String, String> p) {
    return access.read(who, p, c -> {
      ObjectNode out = Json.object();
      out.put("Total", c.studio.resources.size());
      ArrayNode list = out.putObject("VideoResources").putArray("VideoResource");
      c.studio.resources.values().forEach(r -> list.add(view(r)));
      return out;
    });
  }

  // ---- the console: same values, no state rule ----

  String consoleAdd(String casterId, Map<String, String> p) {
    VideoResource wanted = CloudConsole.unwrap(() -> parseNew(p));
    return access.console(casterId, c -> insert(c, wanted));
  }

  void consoleModify(String casterId, String resourceId, Map<String, String> p) {
    access.console(casterId, c -> {
      boolean givesSource = SOURCES.stream().anyMatch(p::containsKey);
      Source source = givesSource ? source(p) : currentSource(c.studio.resource(resourceId));
      replace(c, resourceId, source, p);
      return null;
    });
  }

  boolean consoleDelete(String casterId, String resourceId) {
    return access.console(casterId, c -> c.studio.resources.remove(resourceId) != null);
  }

  // ---- rules ----

  private static VideoResource parseNew(Map<String, String> p) {
    String name = Params.required(p, "ResourceName");
    String location = Params.required(p, "LocationId");
    if (!LOCATION.matcher(location).matches()) {
      throw Params.malformed("LocationId", "must be RV01 to RV99");
    }
    Source source = source(p);
    return withSource(
        new VideoResource(null, name, location, null, null, null, null, null,
            orDefault(Params.integer(p, "BeginOffset", 0, Integer.MAX_VALUE), 0),
            orDefault(Params.integer(p, "EndOffset", Integer.MIN_VALUE, Integer.MAX_VALUE), 0),
            orDefault(Params.integer(p, "RepeatNum", -1, Integer.MAX_VALUE), 0),
            orDefault(Params.integer(p, "PtsCallbackInterval", 0, Integer.MAX_VALUE), 0),
            orDefault(Params.integer(p, "FixedDelayDuration", 0, 5000), 0),
            // StreamId: only on the older page and in the Tea SDK; kept, never reported.
            Params.optional(p, "StreamId")),
        source);
  }

  private String insert(StoredCaster c, VideoResource wanted) {
    Studio studio = c.studio;
    if (studio.resourceAt(wanted.locationId()).isPresent()) {
      throw ApiError.DUPLICATE_LOCATION_ID.exception("LocationId " + wanted.locationId() + " is duplicate.");
    }
    if (studio.resources.size() >= access.settings.studioInputs()) {
      throw ApiError.RESOURCE_NUMBER_EXCEED.exception(
          "Number of resource exceeded InputTotal (" + access.settings.studioInputs() + ").");
    }
    String id = StudioAccess.newId();
    studio.resources.put(id, withId(wanted, id));
    return id;
  }

  /**
   * Modify: the source is replaced (the old error list asks for one on every call: guess), the other
   * fields only when given. LocationId, FixedDelayDuration and StreamId have no Modify parameter.
   */
  private static void replace(StoredCaster c, String resourceId, Source source, Map<String, String> p) {
    VideoResource old = c.studio.resource(resourceId);
    String name = Params.optional(p, "ResourceName");
    VideoResource changed = new VideoResource(resourceId, name != null ? name : old.resourceName(), old.locationId(),
        null, null, null, null, null,
        orDefault(Params.integer(p, "BeginOffset", 0, Integer.MAX_VALUE), old.beginOffset()),
        orDefault(Params.integer(p, "EndOffset", Integer.MIN_VALUE, Integer.MAX_VALUE), old.endOffset()),
        orDefault(Params.integer(p, "RepeatNum", -1, Integer.MAX_VALUE), old.repeatNum()),
        orDefault(Params.integer(p, "PtsCallbackInterval", 0, Integer.MAX_VALUE), old.ptsCallbackInterval()),
        old.fixedDelayDuration(), old.streamId());
    c.studio.resources.put(resourceId, withSource(changed, source));
  }

  /** The source rules of the old error list, and "exactly one" where the pages are silent (guess). */
  private static Source source(Map<String, String> p) {
    if ("".equals(p.get("LiveStreamUrl"))) {
      throw ApiError.INVALID_LIVE_STREAM_URL_MALFORMED.exception("Specified parameter LiveStreamUrl is empty.");
    }
    if ("".equals(p.get("MaterialId"))) {
      throw ApiError.INVALID_MATERIAL_ID_MALFORMED.exception("Specified parameter MaterialId is empty.");
    }
    List<Source> given = SOURCES.stream()
        .filter(name -> Params.optional(p, name) != null)
        .map(name -> new Source(name, p.get(name)))
        .toList();
    if (given.isEmpty()) {
      throw ApiError.INVALID_PARAMETER_MALFORMED.exception("Specified parameter LiveStreamUrl, MaterialId can't be both empty.");
    }
    if (given.size() > 1) {
      throw ApiError.INVALID_PARAMETER_MALFORMED.exception(
          "Give exactly one of " + String.join(", ", SOURCES) + "; got " + given.stream().map(Source::parameter).toList() + ".");
    }
    Source s = given.get(0);
    if (s.parameter().equals("LiveStreamUrl") && !LIVE_URL.matcher(s.value()).matches()) {
      throw ApiError.INVALID_LIVE_STREAM_URL_MALFORMED.exception("Specified parameter LiveStreamUrl is not a stream URL.");
    }
    if ((s.parameter().equals("VodUrl") || s.parameter().equals("ImageUrl")) && !HTTP_URL.matcher(s.value()).matches()) {
      throw Params.malformed(s.parameter(), "must be an http(s) URL");
    }
    return s;
  }

  private static Source currentSource(VideoResource r) {
    for (String name : SOURCES) {
      String value = sourceValue(r, name);
      if (value != null) {
        return new Source(name, value);
      }
    }
    throw new IllegalStateException("Resource " + r.resourceId() + " has no source");
  }

  private static String sourceValue(VideoResource r, String parameter) {
    return switch (parameter) {
      case "LiveStreamUrl" -> r.liveStreamUrl();
      case "MaterialId" -> r.materialId();
      case "VodUrl" -> r.vodUrl();
      case "ImageId" -> r.imageId();
      default -> r.imageUrl();
    };
  }

  private void requireUnused(StoredCaster c, String resourceId) {
    VideoResource r = c.studio.resource(resourceId);
    boolean inLayout = c.channelEnable == 0 && c.studio.layouts.values().stream()
        .anyMatch(l -> l.blendList().contains(r.locationId()) || l.mixList().contains(r.locationId()));
    if (inLayout || c.studio.channelOf(resourceId).isPresent()) {
      throw ApiError.INCORRECT_RESOURCE_STATUS_INUSE.exception(
          "Resource " + resourceId + " is used by a " + (inLayout ? "layout" : "channel") + ".");
    }
  }

  private static VideoResource withSource(VideoResource r, Source s) {
    return new VideoResource(r.resourceId(), r.resourceName(), r.locationId(),
        s.parameter().equals("LiveStreamUrl") ? s.value() : null,
        s.parameter().equals("MaterialId") ? s.value() : null,
        s.parameter().equals("VodUrl") ? s.value() : null,
        s.parameter().equals("ImageId") ? s.value() : null,
        s.parameter().equals("ImageUrl") ? s.value() : null,
        r.beginOffset(), r.endOffset(), r.repeatNum(), r.ptsCallbackInterval(), r.fixedDelayDuration(), r.streamId());
  }

  private static VideoResource withId(VideoResource r, String id) {
    return new VideoResource(id, r.resourceName(), r.locationId(), r.liveStreamUrl(), r.materialId(), r.vodUrl(),
        r.imageId(), r.imageUrl(), r.beginOffset(), r.endOffset(), r.repeatNum(), r.ptsCallbackInterval(),
        r.fixedDelayDuration(), r.streamId());
  }

  private static int orDefault(Integer value, int otherwise) {
    return value != null ? value : otherwise;
  }

  /** What DescribeCasterVideoResources reports: not FixedDelayDuration, not StreamId. */
  static ObjectNode view(VideoResource r) {
    ObjectNode item = Json.object();
    item.put("ResourceId", r.resourceId());
    item.put("ResourceName", r.resourceName());
    item.put("LocationId", r.locationId());
    for (String name : SOURCES) {
      String value = sourceValue(r, name);
      if (value != null) {
        item.put(name, value);
      }
    }
    item.put("BeginOffset", r.beginOffset());
    item.put("EndOffset", r.endOffset());
    item.put("RepeatNum", r.repeatNum());
    item.put("PtsCallbackInterval", r.ptsCallbackInterval());
    return item;
  }
}
