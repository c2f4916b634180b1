namespace SpatialCarbon.Core.Carbon;

/// <summary>Everything a scenario run produced, for its outputs and report: the request, the checked inputs, each
/// intervention's eligible land and the year-by-year projection.</summary>
public sealed record ScenarioRun(ScenarioRequest Request, ScenarioInputs Inputs, IReadOnlyList<EligibleLand> Land, ScenarioResult Projection);
