package io.casteroperator.reconciler;

import io.casteroperator.api.Annotations;
import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;

/** {@link Kube} for one reconcile, through JOSDK's context: its cache, its client. */
final class JosdkKube implements Kube {

  private final Context<Caster> context;
  private final StatusWriter statusWriter;
  private final EventRecorder events;

  JosdkKube(Context<Caster> context, StatusWriter statusWriter, EventRecorder events) {
    this.context = context;
    this.statusWriter = statusWriter;
    this.events = events;
  }

  @Override
  public List<Caster> castersNaming(String casterId) {
    return context.getPrimaryCache().byIndex(CasterReconciler.CASTER_ID_INDEX, casterId);
  }

  @Override
  public void annotateCasterId(Caster caster, String casterId) {
    MergePatch.caster(context.getClient(), caster, null,
        "{\"metadata\":{\"annotations\":{\"" + Annotations.CASTER_ID + "\":\"" + casterId + "\"}}}");
  }

  @Override
  public void addFinalizer(Caster caster) {
    PrimaryUpdateAndCacheUtils.addFinalizer(context, Annotations.FINALIZER);
  }

  @Override
  public void removeFinalizer(Caster caster) {
    PrimaryUpdateAndCacheUtils.removeFinalizer(context, Annotations.FINALIZER);
  }

  @Override
  public StatusWriter.Written writeStatus(Caster caster, CasterStatus after) {
    StatusWriter.Written written = statusWriter.write(context.getClient(), caster, after);
    if (written.result() == StatusWriter.Result.WRITTEN) {
      // The next reconcile must see this write even if the informer has not delivered it yet.
      context.eventSourceRetriever().getControllerEventSource()
          .handleRecentResourceUpdate(ResourceID.fromResource(caster), written.caster(), caster);
    }
    return written;
  }

  @Override
  public void saveSecret(io.fabric8.kubernetes.api.model.Secret secret, boolean create) {
    var resource = context.getClient().secrets().inNamespace(secret.getMetadata().getNamespace()).resource(secret);
    if (create) {
      resource.create();
    } else {
      resource.update();
    }
  }

  @Override
  public void recordEvent(Caster caster, boolean warning, String reason, String message) {
    if (warning) {
      events.warning(context.getClient(), caster, reason, message);
    } else {
      events.normal(context.getClient(), caster, reason, message);
    }
  }
}
