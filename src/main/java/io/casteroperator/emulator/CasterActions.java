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

/** The caster actions of the Live API and the rules the service enforces on them. */
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

  CasterActions(CasterStore store, EmulatorSettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  ObjectNode handle(LiveAction action, String account, Map<String, String> p) {
    return switch (action) {
      case CREATE_CASTER -> createCaster(account, p);
      case DESCRIBE_CASTERS -> describeCasters(account, p);
      case DESCRIBE_CASTER_CONFIG -> store.withCaster(account, casterId(p), CasterConfigView::describe);
      case SET_CASTER_CONFIG -> setCasterConfig(account, p);
      case START_CASTER -> startCaster(account, p);
      case STOP_CASTER -> stopCaster(account, p);
      case DELETE_CASTER -> deleteCaster(account, p);
    };
  }

  /** Also used by the admin API, which stands for the console and skips the caster limit. */
  String addCaster(String account, String casterIdOrNull, String name) {
    String id = casterIdOrNull != null ? casterIdOrNull : newCasterId();
    if (!CasterParameters.isWellFormedCasterId(id)) {
      throw new IllegalArgumentException("Not a caster id the service would issue: " + id);
    }
    Instant now = now();
    return store.withAll(
        view -> {
          view.add(new StoredCaster(id, account, view.nextSequence(), now, name == null ? id : name, 1, "PostPaid",
              null, null, null, Map.of()));
          return id;
        });
  }

  private ObjectNode createCaster(String account, Map<String, String> p) {
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
                var existing = view.idForClientToken(account, clientToken);
                if (existing.isPresent()) {
                  return existing.get();
                }
              }
              if (view.ofAccount(account).size() >= settings.maxCastersPerAccount()) {
                throw ApiError.CASTER_NUMBER_EXCEED.exception(
                    "The number of casters exceeds the limit of " + settings.maxCastersPerAccount() + ".");
              }
              String newId = newCasterId();
              // guess: the console names a caster after its id when no name is given.
              String name = emptyToNull(p.get("CasterName"));
              view.add(new StoredCaster(newId, account, view.nextSequence(), now, name == null ? newId : name, normType,
                  chargeType, emptyToNull(p.get("ResourceGroupId")), casterTemplate, clientToken, tags));
              return newId;
            });
    ObjectNode out = Json.object();
    out.put("CasterId", id);
    return out;
  }

  private ObjectNode describeCasters(String account, Map<String, String> p) {
    String casterId = emptyToNull(p.get("CasterId"));
    if (casterId != null) {
      requireWellFormed(casterId);
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
    // guess: newest first unless OrderByModifyAsc=true asks for least recently modified first.
    Comparator<StoredCaster> order =
        "true".equalsIgnoreCase(p.get("OrderByModifyAsc"))
            ? Comparator.<StoredCaster, Instant>comparing(c -> c.lastModified).thenComparingLong(c -> c.sequence)
            : Comparator.<StoredCaster>comparingLong(c -> c.sequence).reversed();
    return store.withAll(
        view -> {
          List<StoredCaster> matches =
              view.ofAccount(account).stream()
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

  private ObjectNode setCasterConfig(String account, Map<String, String> p) {
    String id = casterId(p);
    Map<String, String> requested = CasterParameters.requested(p);
    Instant now = now();
    store.withCaster(
        account,
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
    c.name = name;
    c.config = config;
    c.channelEnable = enablesChannels ? 1 : 0;
  }

  private ObjectNode startCaster(String account, Map<String, String> p) {
    String id = casterId(p);
    Instant now = now();
    store.withCaster(
        account,
        id,
        c -> {
          if (emptyToNull(c.config.get(CasterParameters.DOMAIN_NAME)) == null) {
            throw ApiError.INVALID_DOMAIN_NAME_NOT_FOUND.exception("Caster " + c.id + " has no DomainName.");
          }
          // guess: the page only says "an error is reported"; MissingParameter is our pick of code.
          String transcode = c.config.get(CasterParameters.TRANSCODE_CONFIG);
          if (transcode == null
              || Json.parse(transcode).map(n -> CasterParameters.text(n, "CasterTemplate")).isEmpty()) {
            throw ApiError.MISSING_PARAMETER.exception(
                "Caster " + c.id + " has no transcoding template: set TranscodeConfig with a CasterTemplate.");
          }
          if (!c.running) {
            c.running = true;
            c.lastModified = now;
          }
          return null;
        });
    ObjectNode out = Json.object();
    out.putObject("PgmSceneInfos").putArray("SceneInfo");
    out.putObject("PvwSceneInfos").putArray("SceneInfo");
    return out;
  }

  private ObjectNode stopCaster(String account, Map<String, String> p) {
    Instant now = now();
    store.withCaster(
        account,
        casterId(p),
        c -> {
          if (c.running) {
            c.running = false;
            c.lastModified = now;
          }
          return null;
        });
    return Json.object();
  }

  private ObjectNode deleteCaster(String account, Map<String, String> p) {
    String id = casterId(p);
    store.withCaster(
        account,
        id,
        c -> {
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

  private static String casterId(Map<String, String> p) {
    String id = emptyToNull(p.get("CasterId"));
    if (id == null) {
      throw ApiError.MISSING_PARAMETER.exception("The input parameter \"CasterId\" that is mandatory for processing this request is not supplied.");
    }
    requireWellFormed(id);
    return id;
  }

  private static void requireWellFormed(String id) {
    if (!CasterParameters.isWellFormedCasterId(id)) {
      throw ApiError.INVALID_CASTER_ID_MALFORMED.exception("The specified CasterId " + id + " is malformed.");
    }
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
