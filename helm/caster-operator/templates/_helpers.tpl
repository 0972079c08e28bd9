{{/* Name of the chart, or nameOverride. */}}
{{- define "caster-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: the release name, with the chart's name unless the release name holds it already. */}}
{{- define "caster-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "caster-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "caster-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "caster-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "caster-operator.labels" -}}
helm.sh/chart: {{ include "caster-operator.chart" . }}
{{ include "caster-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: caster-operator
{{- end }}

{{- define "caster-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "caster-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "caster-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "caster-operator.leaseName" -}}
{{- default (include "caster-operator.fullname" .) .Values.leaderElection.leaseName }}
{{- end }}

{{/* QUOTAS: Action=rate pairs, comma-separated, in the order of the action names. */}}
{{- define "caster-operator.quotas" -}}
{{- $pairs := list }}
{{- range $action, $rate := .Values.quotas }}
{{- $pairs = append $pairs (printf "%s=%d" $action (int $rate)) }}
{{- end }}
{{- join "," $pairs }}
{{- end }}

{{/* What the operator needs in each namespace whose Casters it manages. */}}
{{- define "caster-operator.casterRules" -}}
- apiGroups: ["live.caster-operator.io"]
  resources: ["casters"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["live.caster-operator.io"]
  resources: ["casters/status"]
  verbs: ["patch"]
- apiGroups: ["live.caster-operator.io"]
  resources: ["casters/finalizers"]
  verbs: ["update"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "watch", "create", "update"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}
