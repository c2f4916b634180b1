using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Gdal;

/// <summary>Counts and describes what happened to geometries while reading, so nothing is dropped silently.</summary>
internal sealed class GeometryRepairLog(int maxDetails)
{
    private readonly List<string> _details = [];
    private int _invalid;
    private int _repaired;
    private int _empty;
    private int _untold;

    public void Empty(string record, string what)
    {
        _empty++;
        Detail($"{record}: {what}, skipped");
    }

    /// <summary>The geometry, repaired when invalid; null when the repair leaves nothing (then counted as empty).</summary>
    public Geometry? Repair(Geometry geometry, string record)
    {
        var validation = new IsValidOp(geometry).ValidationError;
        if (validation is null) return geometry;
        _invalid++;
        var fixedGeometry = GeometryFixer.Fix(geometry);
        if (fixedGeometry.IsEmpty)
        {
            Empty(record, $"invalid ({validation.Message} at {validation.Coordinate}) and nothing left after repair");
            return null;
        }

        _repaired++;
        Detail($"{record}: invalid ({validation.Message} at {validation.Coordinate}), repaired as {fixedGeometry.GeometryType}");
        return fixedGeometry;
    }

    public GeometryIssues ToIssues()
    {
        var details = _untold > 0 ? [.. _details, $"... and {_untold} more"] : _details;
        return _invalid == 0 && _empty == 0 ? GeometryIssues.None : new GeometryIssues(_invalid, _repaired, _empty, details);
    }

    private void Detail(string line)
    {
        if (_details.Count < maxDetails) _details.Add(line);
        else _untold++;
    }
}
