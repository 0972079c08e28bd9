package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The actions of the Live API and the rules the service enforces on them: the caster's own actions
 * here, the studio's in one class per family ({@link SceneActions}, {@link ResourceActions},
 * {@link ChannelActions}, {@link LayoutActions}, {@link ComponentActions}).
 */
final class CasterActions {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final int DEFAULT_PAGE_SIZE = 10;
  private static final int MAX_PAGE_SIZE = 100;
  private static final int MAX_CLIENT_TOKEN_LENGTH = 64;
  private static final int MAX_TAGS = 20;
  private static final Set<String> CHARGE_TYPES = Set.of("PostPaid", "PrePaid");

  private final CasterStore store;
  private final EmulatorSettings settings;
  private final Clock clock;
  private final SceneActions scenes;
  private final ResourceActions resources;
  private final ChannelActions channels;
  private final LayoutActions layouts;
  private final ComponentActions components;

  CasterActions(CasterStore store, EmulatorSettings settings, Clock clock) {
    this(store, settings, clock, new StreamUrls());
  }

  CasterActions(CasterStore store, EmulatorSettings settings, Clock clock, StreamUrls urls) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    StudioAccess access = new StudioAccess(store, settings);
    this.scenes = new SceneActions(store, settings, clock, urls);
    this.resources = new ResourceActions(access);
    this.channels = new ChannelActions(access, urls);
    this.layouts = new LayoutActions(access);
    this.components = new ComponentActions(access);
  }

  /** Where a call goes: its RegionId, or the emulator's default region when it has none. */
  String regionOf(Map<String, String> p) {
    String region = Params.optional(p, "RegionId");
    return region != null ? region : settings.defaultRegion();
  }

  ObjectNode handle(LiveAction action, String account, Map<String, String> p) {
    return handle(action, new Caller(account, regionOf(p)), p);
  }

  private ObjectNode handle(LiveAction action, Caller who, Map<String, String> p) {
    return switch (action) {
      case CREATE_CASTER -> createCaster(who, p);
      case DESCRIBE_CASTERS -> describeCasters(who, p);
      case DESCRIBE_CASTER_CONFIG -> store.withCaster(who.account(), who.region(), Params.casterId(p), CasterConfigView::describe);
      case SET_CASTER_CONFIG -> setCasterConfig(who, p);
      case DELETE_CASTER -> deleteCaster(who, p);
      case START_CASTER -> scenes.startCaster(who, p);
      case STOP_CASTER -> scenes.stopCaster(who, p);
      case DESCRIBE_CASTER_STREAM_URL -> scenes.describeStreamUrl(who, p);
      case DESCRIBE_CASTER_SCENES -> scenes.describeScenes(who, p);
      case SET_CASTER_SCENE_CONFIG -> scenes.setSceneConfig(who, p, false);
      case UPDATE_CASTER_SCENE_CONFIG -> scenes.setSceneConfig(who, p, true);
      case START_CASTER_SCENE -> scenes.startScene(who, p);
      case STOP_CASTER_SCENE -> scenes.stopScene(who, p);
      case DESCRIBE_CASTER_CHANNELS -> channels.describe(who, p);
      case SET_CASTER_CHANNEL -> channels.set(who, p);
      case ADD_CASTER_VIDEO_RESOURCE -> resources.add(who, p);
      case MODIFY_CASTER_VIDEO_RESOURCE -> resources.modify(who, p);
      case DELETE_CASTER_VIDEO_RESOURCE -> resources.delete(who, p);
      case DESCRIBE_CASTER_VIDEO_RESOURCES -> resources.describe(who, p);
      case ADD_CASTER_LAYOUT -> layouts.add(who, p);
      case MODIFY_CASTER_LAYOUT -> layouts.modify(who, p);
      case DELETE_CASTER_LAYOUT -> layouts.delete(who, p);
      case DESCRIBE_CASTER_LAYOUTS -> layouts.describe(who, p);
      case ADD_CASTER_COMPONENT -> components.add(who, p);
      case MODIFY_CASTER_COMPONENT -> components.modify(who, p);
      case DELETE_CASTER_COMPONENT -> components.delete(who, p);
      case DESCRIBE_CASTER_COMPONENTS -> components.describe(who, p);
    };
  }

  SceneActions scenes() {
    return scenes;
  }

  ResourceActions resources() {
    return resources;
  }

  ChannelActions channels() {
    return channels;
  }

  LayoutActions layouts() {
    return layouts;
  }

  ComponentActions components() {
    return components;
  }

  /** Also used by the admin API, which stands for the console and skips the caster limit. */
  String addCaster(String account, String regionOrNull, String casterIdOrNull, String name) {
    String region = regionOrNull == null ? settings.defaultRegion() : EmulatorSettings.requireRegion(regionOrNull);
    String id = casterIdOrNull != null ? casterIdOrNull : newCasterId();
    if (!CasterParameters.isWellFormedCasterId(id)) {
      throw new IllegalArgumentException("Not a caster id the service would issue: " + id);
    }
    Instant now = now();
    return store.withAll(
        view -> {
          view.add(new StoredCaster(id, account, region, view.nextSequence(), now, name == null ? id : name, 1,
              "PostPaid", null, null, null, Map.of()));
          return id;
        });
  }

  private ObjectNode createCaster(Caller who, Map<String, String> p) {
    String account = who.account();
    String clientToken = emptyToNull(p.get("ClientToken"));
    if (clientToken != null
        && (clientToken.length() > MAX_CLIENT_TOKEN_LENGTH || !StandardCharsets.US_ASCII.newEncoder().canEncode(clientToken))) {
      throw ApiError.INVALID_PARAMETER_MALFORMED.exception("ClientToken must be at most 64 ASCII characters.");
    }
    int normType = integer(p, "NormType", 1);
    String chargeType = p.getOrDefault("ChargeType", "PostPaid");
    if (!CHARGE_TYPES.contains(chargeType)) {
      throw ApiError.INVALID_PARAMETER_MALFORMED.exception("ChargeType must be PostPaid or PrePaid.");
    }
    String casterTemplate = emptyToNull(p.get("CasterTemplate"));
    if (casterTemplate != null && !CasterParameters.CASTER_TEMPLATES.contains(casterTemplate)) {
      throw ApiError.INVALID_PARAMETER_MALFORMED.exception("Unknown CasterTemplate " + casterTemplate + ".");
    }
    Map<String, String> tags = tags(p);
    Instant now = now();
    String id =
        store.withAll(
            view -> {
              if (clientToken != null) {
                var existing = view.idForClientToken(account, who.region(), clientToken);
                if (existing.isPresent()) {
                  return existing.get();
                }
              }
              // guess: the limit counts the account's casters in every region.
              if (view.ofAccount(account).size() >= settings.maxCastersPerAccount()) {
                throw ApiError.CASTER_NUMBER_EXCEED.exception(
                    "The number of casters exceeds the limit of " + settings.maxCastersPerAccount() + ".");
              }
              String newId = newCasterId();
              // guess: the console names a caster after its id when no name is given.
              String name = emptyToNull(p.get("CasterName"));
              view.add(new StoredCaster(newId, account, who.region(), view.nextSequence(), now, name == null ? newId : name, normType,
                  chargeType, emptyToNull(p.get("ResourceGroupId")), casterTemplate, clientToken, tags));
              return newId;
            });
    ObjectNode out = Json.object();
    out.put("CasterId", id);
    return out;
  }

  private ObjectNode describeCasters(Caller who, Map<String, String> p) {
    String casterId = emptyToNull(p.get("CasterId"));
    if (casterId != null) {
      Params.requireWellFormedCasterId(casterId);
    }
    // guess: the service matches names by substring, as its console search does.
    String nameFilter = emptyToNull(p.get("CasterName"));
    Integer status = p.containsKey("Status") ? integer(p, "Status", 0) : null;
    if (status != null && status != 0 && status != 1) {
      throw ApiError.INVALID_PARAMETER_MALFORMED.exception("Status must be 0 or 1.");
    }
    Integer normType = p.containsKey("NormType") ? integer(p, "NormType", 0) : null;
    String resourceGroupId = emptyToNull(p.get("ResourceGroupId"));
    int pageNum = integer(p, "PageNum", 1);
    int pageSize = integer(p, "PageSize", DEFAULT_PAGE_SIZE);
    if (pageNum < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw ApiError.INVALID_PARAMETER_MALFORMED.exception("PageNum must be >= 1 and PageSize between 1 and 100.");
    }
    // guess: newest first unless OrderByModifyAsc=true asks for least recently modified first. Both
    // end on the creation sequence, unique per caster, so pages never overlap or skip one.
    Comparator<StoredCaster> order =
        "true".equalsIgnoreCase(p.get("OrderByModifyAsc"))
            ? Comparator.<StoredCaster, Instant>comparing(c -> c.lastModified).thenComparingLong(c -> c.sequence)
            : Comparator.<StoredCaster>comparingLong(c -> c.sequence).reversed();
    return store.withAll(
        view -> {
          List<StoredCaster> matches =
              view.ofAccount(who.account()).stream()
                  .filter(c -> c.region.equals(who.region()))
                  .filter(c -> casterId == null || c.id.equals(casterId))
                  .filter(c -> nameFilter == null || c.name.contains(nameFilter))
                  .filter(c -> status == null || (c.running ? 1 : 0) == status)
                  .filter(c -> normType == null || c.normType == normType)
                  .filter(c -> resourceGroupId == null || resourceGroupId.equals(c.resourceGroupId))
                  .sorted(order)
                  .toList();
          ObjectNode out = Json.object();
          out.put("Total", matches.size());
          ArrayNode list = out.putObject("CasterList").putArray("Caster");
          matches.stream().skip((long) (pageNum - 1) * pageSize).limit(pageSize).forEach(c -> list.add(listEntry(c)));
          return out;
        });
  }

  private static ObjectNode listEntry(StoredCaster c) {
    ObjectNode item = Json.object();
    item.put("CasterId", c.id);
    item.put("CasterName", c.name);
    item.put("Status", c.running ? 1 : 0);
    item.put("NormType", c.normType);
    item.put("ChannelEnable", c.channelEnable);
    item.put("ChargeType", c.chargeType);
    item.put("CreateTime", TIME.format(c.createTime));
    item.put("LastModified", TIME.format(c.lastModified));
    if (c.casterTemplate != null) {
      item.put("CasterTemplate", c.casterTemplate);
    }
    if (c.resourceGroupId != null) {
      item.put("ResourceGroupId", c.resourceGroupId);
    }
    if (c.clientToken != null) {
      item.put("ClientTokenId", c.clientToken);
    }
    ArrayNode tags = item.putObject("Tags").putArray("Tag");
    c.tags.forEach((k, v) -> tags.addObject().put("TagKey", k).put("TagValue", v));
    return item;
  }

  private ObjectNode setCasterConfig(Caller who, Map<String, String> p) {
    String id = Params.casterId(p);
    Map<String, String> requested = new LinkedHashMap<>(CasterParameters.requested(p));
    requested.replaceAll(settings::normalized);
    Instant now = now();
    store.withCaster(
        who.account(),
        who.region(),
        id,
        c -> {
          applyConfiguration(c, requested, settings.rejectChangesWhileRunning());
          c.lastModified = now;
          return null;
        });
    return casterIdOnly(id);
  }

  /** SetCasterConfig replaces everything except the name, which a caster always keeps. */
  static void applyConfiguration(StoredCaster c, Map<String, String> requested, boolean rejectChangesWhileRunning) {
    Map<String, String> config = new LinkedHashMap<>(requested);
    String name = config.remove(CasterParameters.CASTER_NAME);
    if (name == null) {
      name = c.name;
    }
    boolean enablesChannels = "1".equals(config.get(CasterParameters.CHANNEL_ENABLE));
    if (c.channelEnable == 1 && !enablesChannels) {
      throw ApiError.CHANNEL_DISABLE_UNSUPPORTED.exception("Channels are enabled on caster " + c.id + " and cannot be disabled.");
    }
    if (c.channelEnable == 0 && enablesChannels && c.running) {
      throw ApiError.INCORRECT_CASTER_STATUS_ENABLE_CHANNEL.exception("Stop caster " + c.id + " before enabling channels.");
    }
    if (rejectChangesWhileRunning
        && c.running
        && (!name.equals(c.name) || !CasterParameters.sameConfiguration(config, c.config))) {
      throw ApiError.INCORRECT_CASTER_STATUS_INUSE.exception("Caster " + c.id + " is running; stop it before changing it.");
    }
    if (c.channelEnable == 0 && enablesChannels) {
      discardLayoutsForChannels(c);
    }
    c.name = name;
    c.config = config;
    c.channelEnable = enablesChannels ? 1 : 0;
  }

  /**
   * Turning channels on discards the studio's layouts (SetCasterConfig page): they named resource
   * locations, and layouts in channel mode name channels. Scenes keep the id of a discarded layout,
   * as they do after DeleteCasterLayout.
   */
  static void discardLayoutsForChannels(StoredCaster c) {
    c.studio.layouts.clear();
  }

  private ObjectNode deleteCaster(Caller who, Map<String, String> p) {
    String id = Params.casterId(p);
    store.withCaster(
        who.account(),
        who.region(),
        id,
        c -> {
          // guess: a running caster must be stopped before it can be deleted.
          if (c.running) {
            throw ApiError.INCORRECT_CASTER_STATUS_INUSE.exception("Caster " + id + " is running; stop it before deleting it.");
          }
          return store.withAll(
              view -> {
                view.remove(id);
                return null;
              });
        });
    return casterIdOnly(id);
  }

  private static Map<String, String> tags(Map<String, String> p) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (int n = 1; n <= MAX_TAGS; n++) {
      String key = emptyToNull(p.get("Tag." + n + ".Key"));
      if (key != null) {
        tags.put(key, p.getOrDefault("Tag." + n + ".Value", ""));
      }
    }
    return tags;
  }

  private static int integer(Map<String, String> p, String name, int defaultValue) {
    String value = emptyToNull(p.get(name));
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiError.INVALID_PARAMETER_MALFORMED.exception("The parameter " + name + " must be an integer.");
    }
  }

  private static ObjectNode casterIdOnly(String id) {
    ObjectNode out = Json.object();
    out.put("CasterId", id);
    return out;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static String newCasterId() {
    return UUID.randomUUID().toString();
  }
}
