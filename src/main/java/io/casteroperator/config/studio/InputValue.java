package io.casteroperator.config.studio;

import io.casteroperator.config.FieldDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An input of a studio (AddCasterVideoResource), as the spec wants it or the cloud reports it.
 * Unset numbers are 0, as the service takes and reports them. {@code fixedDelayDuration} cannot be
 * read back: it is {@code null} in what the cloud reports.
 *
 * @param name the spec's name, sent as ResourceName
 */
public record InputValue(String name, String locationId, Source source, long beginOffset, long endOffset, long repeatNum,
    long ptsCallbackInterval, Long fixedDelayDuration) {

  /** What an input plays: exactly one kind of source. */
  public record Source(SourceKind kind, String value) {}

  /** The request parameter each kind of source travels in. */
  public enum SourceKind {
    LiveStreamUrl, MaterialId, VodUrl, ImageId, ImageUrl
  }

  /** What only adding the input again can change: where it sits and its fixed delay. */
  public Object fixedPart() {
    return List.of(locationId, fixedDelayDuration == null ? 0L : fixedDelayDuration);
  }

  /** Where the cloud's input differs from this one, in what a read can show (paths under {@code prefix}). */
  public List<FieldDifference> differencesFrom(InputValue observed, String prefix) {
    List<FieldDifference> out = new ArrayList<>();
    diff(out, prefix + ".name", name, observed.name);
    diff(out, prefix + ".locationId", locationId, observed.locationId);
    String kind = source == null ? "source" : lower(source.kind().name());
    if (observed.source == null || source == null || source.kind() != observed.source.kind()) {
      out.add(new FieldDifference(prefix + "." + kind, source == null ? null : source.value(),
          observed.source == null ? null : observed.source.kind().name() + " " + observed.source.value()));
    } else {
      diff(out, prefix + "." + kind, source.value(), observed.source.value());
    }
    diff(out, prefix + ".beginOffset", beginOffset, observed.beginOffset);
    diff(out, prefix + ".endOffset", endOffset, observed.endOffset);
    diff(out, prefix + ".repeatNum", repeatNum, observed.repeatNum);
    diff(out, prefix + ".ptsCallbackInterval", ptsCallbackInterval, observed.ptsCallbackInterval);
    return out;
  }

  static void diff(List<FieldDifference> out, String path, Object desired, Object observed) {
    if (!Objects.equals(desired, observed)) {
      out.add(new FieldDifference(path, desired, observed));
    }
  }

  private static String lower(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
