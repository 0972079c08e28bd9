-- Argo CD health check for live.caster-operator.io/Caster (caster-operator).
-- Reads the global `obj` (the live Caster) and returns {status = ..., message = ...}.
-- Written in the subset of Lua shared by 5.1 (Argo CD's gopher-lua), 5.2 and 5.4.
-- Installed by deploy/argocd/argocd-cm-patch.yaml, which embeds this file unchanged.
--
--   Progressing  no status yet, or a status (or Ready condition) for an older generation;
--                waiting for the API budget, throttled, retrying, waiting for the caster to stop
--                before channels can be enabled, starting or stopping the caster, being deleted.
--   Healthy      Ready is True for the current generation.
--   Degraded     the operator cannot get there by itself: invalid spec, casterId conflict or
--                change, a region change after the claim, credentials missing or of another account,
--                the Live API refused the request, channels that can never be disabled, drift in an
--                ObserveOnly Caster, a deletion that cannot be confirmed, items of the studio the Live API
--                refused (StudioIncomplete), an outputs Secret owned by
--                someone else, a caster that refused to start (spec.running: true, Running=False
--                with reason StartFailed), a failure of the operator.
--   Suspended    paused with the annotation live.caster-operator.io/paused: "true".

local PAUSED_ANNOTATION = "live.caster-operator.io/paused"

-- Ready=False reasons that need a person.
local DEGRADED = {
  InvalidSpec = true,
  CasterIdConflict = true,
  CasterIdImmutable = true,
  RegionImmutable = true,
  AccountMismatch = true,
  DeletionUnconfirmed = true,
  OutputsSecretConflict = true,
  StudioIncomplete = true,
  CredentialsError = true,
  CloudError = true,
  ChannelDisableUnsupported = true,
  DriftDetected = true,
  OperatorError = true,
}

-- Argo CD opens only the base, table and (safe) os libraries for custom health checks: no
-- string, no math. So: no string methods, and math only where it exists (Lua 5.4 would print a
-- float generation as "3.0"; Argo CD's gopher-lua prints it as "3").
local function show(value)
  if type(value) == "number" and math ~= nil then
    return tostring(math.floor(value))
  end
  return tostring(value)
end

local function condition(status, kind)
  if type(status.conditions) ~= "table" then
    return nil
  end
  for _, c in ipairs(status.conditions) do
    if type(c) == "table" and c.type == kind then
      return c
    end
  end
  return nil
end

-- A condition is current when it has no observedGeneration of its own or it is this generation's.
local function current(c, generation)
  return c.observedGeneration == nil or generation == nil or c.observedGeneration == generation
end

-- "Reason: message"; the operator's messages of failed calls already hold the Live API's error
-- code and RequestId (status.lastErrorCode has the code alone).
local function describe(c)
  local text = tostring(c.reason or "NoReason")
  if type(c.message) == "string" and c.message ~= "" then
    text = text .. ": " .. c.message
  end
  return text
end

local function health(caster)
  local metadata = caster.metadata or {}
  local generation = metadata.generation
  local annotations = metadata.annotations or {}
  local paused = annotations[PAUSED_ANNOTATION] == "true"
  local status = caster.status

  if type(status) ~= "table" or status.observedGeneration == nil then
    return "Progressing", "Waiting for caster-operator to report status"
      .. " (is it running and watching this namespace?)"
  end
  if generation ~= nil and status.observedGeneration ~= generation then
    return "Progressing", "Waiting for caster-operator to process generation " .. show(generation)
      .. " (status is for generation " .. show(status.observedGeneration) .. ")"
  end

  local synced = condition(status, "Synced")
  if synced ~= nil and synced.status == "False" and synced.reason == "Paused" and current(synced, generation) then
    if paused then
      return "Suspended", describe(synced)
    end
    return "Progressing", "Resuming: the annotation " .. PAUSED_ANNOTATION
      .. " was removed; waiting for caster-operator"
  end

  local ready = condition(status, "Ready")
  if ready == nil then
    return "Progressing", "Waiting for caster-operator to set the Ready condition"
  end
  if not current(ready, generation) then
    return "Progressing", "Waiting for caster-operator: the Ready condition is for generation "
      .. show(ready.observedGeneration) .. ", the spec is at generation " .. show(generation)
  end
  if ready.status ~= "True" and ready.reason ~= nil and DEGRADED[ready.reason] then
    return "Degraded", describe(ready)
  end
  if paused then
    return "Progressing", "Pausing: waiting for caster-operator to confirm the annotation " .. PAUSED_ANNOTATION
  end
  -- spec.running: true and the caster is not running yet: starting, or refused to start.
  local spec = caster.spec or {}
  local running = condition(status, "Running")
  if spec.running == true and running ~= nil and running.status == "False" and current(running, generation) then
    if running.reason == "StartFailed" then
      return "Degraded", describe(running)
    end
    return "Progressing", describe(running)
  end
  if ready.status == "True" then
    if metadata.deletionTimestamp ~= nil then
      return "Progressing", "Deleting: waiting for caster-operator to release the Caster"
    end
    return "Healthy", describe(ready)
  end
  -- Pending, Throttled, Retrying, ChannelEnableRequiresStoppedCaster, Deleting, and any reason
  -- this script does not know yet: the operator is still working on it.
  return "Progressing", describe(ready)
end

local hs = {}
hs.status, hs.message = health(obj)
return hs
