package org.curate.jobs.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Everything the report shows, computed from a run's outputs. All parts but {@link #run} are a
 * function of the outputs and the sampling seed, so they are identical when the report is built
 * twice; {@link #run} (timings, versions, when) is the one part that varies.
 */
@JsonPropertyOrder({"stages", "funnel", "reasons", "changes", "languages", "pii", "tag_only", "histograms", "samples",
    "sections", "run"})
public record ReportData(
    List<StageReport> stages,
    List<FunnelRow> funnel,
    List<CountRow> reasons,
    List<CountRow> changes,
    List<CountRow> languages,
    List<PiiRow> pii,
    @JsonProperty("tag_only") List<CountRow> tagOnly,
    List<Histogram> histograms,
    SampleInfo samples,
    List<Section> sections,
    RunMetadata run) {

  /** Documents, bytes of text (UTF-8) and, when known, tokens after a stage; {@code stage = "input"}: records read. */
  @JsonPropertyOrder({"stage", "documents", "bytes", "tokens", "percent_of_input"})
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record FunnelRow(String stage, long documents, Long bytes, Long tokens,
      @JsonProperty("percent_of_input") Double percentOfInput) {}

  /**
   * A count within a stage: a drop/failure reason ({@code kind} dropped|failed, percent of the
   * stage's input), a change code (kind changed, percent of its output), a language (kind lang,
   * percent of its output) or a tag-only reason (kind would_drop, percent of its output).
   */
  @JsonPropertyOrder({"stage", "kind", "key", "count", "percent"})
  public record CountRow(String stage, String kind, String key, long count, double percent) {}

  /** PII found by type in a stage: documents that had it redacted and the number of values replaced. */
  @JsonPropertyOrder({"stage", "type", "documents", "hits"})
  public record PiiRow(String stage, String type, long documents, long hits) {}

  /** How samples were drawn and how many were written (the samples themselves: samples.jsonl). */
  @JsonPropertyOrder({"seed", "kept_per_stage", "per_reason", "text_chars", "written", "scores_rows"})
  public record SampleInfo(long seed, @JsonProperty("kept_per_stage") int keptPerStage,
      @JsonProperty("per_reason") int perReason, @JsonProperty("text_chars") int textChars, long written,
      @JsonProperty("scores_rows") long scoresRows) {}

  /** A stage's own section, read from {@code <stage>/_report.json}; {@code error} when unreadable. */
  @JsonPropertyOrder({"stage", "file", "error", "content"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Section(String stage, String file, String error, JsonNode content) {}

  /** The varying part: when, versions, durations, settings and config files. */
  @JsonPropertyOrder({"generated_at", "run_dir", "seconds_total", "seconds_by_stage", "versions", "spark", "config_files"})
  public record RunMetadata(@JsonProperty("generated_at") String generatedAt, @JsonProperty("run_dir") String runDir,
      @JsonProperty("seconds_total") double secondsTotal,
      @JsonProperty("seconds_by_stage") Map<String, Double> secondsByStage,
      SortedMap<String, String> versions, SortedMap<String, String> spark,
      @JsonProperty("config_files") SortedMap<String, String> configFiles) {}
}
