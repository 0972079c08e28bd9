package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One aspect of the Caster's state, in the shape of Kubernetes' metav1.Condition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "status", "reason", "message", "lastTransitionTime", "observedGeneration"})
public class Condition {

  /** Kind of condition: Ready, Synced or Drifted. */
  @Required
  @Size(max = 316)
  private String type;

  /** True, False or Unknown. */
  @Required
  private ConditionStatus status;

  /** Machine-readable, CamelCase reason for the last transition. */
  @Required
  @Pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")
  @Size(max = 1024)
  private String reason;

  /** Human-readable details, including the Live API error code and RequestId when there is one. */
  @Size(max = 32768)
  private String message;

  /** When the condition last changed its status (RFC 3339). */
  @Required
  @Size(max = 64)
  private String lastTransitionTime;

  /** The metadata.generation that the condition was set for. */
  @io.fabric8.generator.annotation.Min(0)
  private Long observedGeneration;

  public Condition() {}

  public Condition(
      String type,
      ConditionStatus status,
      String reason,
      String message,
      String lastTransitionTime,
      Long observedGeneration) {
    this.type = type;
    this.status = status;
    this.reason = reason;
    this.message = message;
    this.lastTransitionTime = lastTransitionTime;
    this.observedGeneration = observedGeneration;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public ConditionStatus getStatus() {
    return status;
  }

  public void setStatus(ConditionStatus status) {
    this.status = status;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }
}
