using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning.Preparation;

namespace SpatialCarbon.Gdal;

/// <summary>Reads any vector format OGR opens (KML, FileGDB through OpenFileGDB, DXF, MapInfo, GeoJSON, shapefile,
/// ...) into a <see cref="VectorLayer"/>: geometries through WKB into NetTopologySuite, fields typed, and every
/// geometry through Core's <see cref="GeometryRepair"/> like the managed readers' (repairs and skips counted); unclosed
/// rings closed as the managed readers close them (<see cref="RingClosure"/>).</summary>
public sealed unsafe class OgrVectorSource : IVectorSource
{
    private const int OftInteger = 0;
    private const int OftReal = 2;
    private const int OftDate = 9;
    private const int OftDateTime = 11;
    private const int OftInteger64 = 12;
    private const int OfstBoolean = 1;

    public bool CanRead(string path) =>
        GdalLibrary.IsAvailable && GdalNative.GDALIdentifyDriverEx(path, GdalNative.OfVector, 0, 0) != 0;

    public IReadOnlyList<string> ListLayers(string path)
    {
        var dataset = Open(path);
        try
        {
            var count = GdalNative.GDALDatasetGetLayerCount(dataset);
            var names = new string[count];
            for (var i = 0; i < count; i++) names[i] = LayerName(GdalNative.GDALDatasetGetLayer(dataset, i));
            return names;
        }
        finally
        {
            GdalNative.GDALClose(dataset);
        }
    }

    public VectorLayer Read(string path, string? layer = null) => ReadSource(path, layer).Repaired();

    public SourceLayer ReadSource(string path, string? layer = null)
    {
        var dataset = Open(path);
        try
        {
            var handle = FindLayer(dataset, path, layer);
            var name = LayerName(handle);
            var (crs, _) = GdalCrs.From(GdalNative.OGR_L_GetSpatialRef(handle), path, $"layer {name}");
            var fields = ReadFields(GdalNative.OGR_L_GetLayerDefn(handle));
            var source = new List<SourceFeature>();
            var wkb = new WKBReader();
            var closing = new WKBReader { IsStrict = false };

            GdalNative.OGR_L_ResetReading(handle);
            nint feature;
            while ((feature = GdalNative.OGR_L_GetNextFeature(handle)) != 0)
            {
                try
                {
                    var fid = GdalNative.OGR_F_GetFID(feature);
                    var (geometry, note) = ReadGeometry(GdalNative.OGR_F_GetGeometryRef(feature), wkb, closing, path, $"layer {name} feature {fid}");
                    source.Add(new SourceFeature(fid, geometry, ReadAttributes(feature, fields), note));
                }
                finally
                {
                    GdalNative.OGR_F_Destroy(feature);
                }
            }

            return new SourceLayer(path, name, crs, fields.Select(f => f.Definition).ToArray(), source, []);
        }
        finally
        {
            GdalNative.GDALClose(dataset);
        }
    }

    private static nint Open(string path)
    {
        GdalLibrary.EnsureAvailable(path);
        GdalNative.CPLErrorReset();
        var dataset = GdalNative.GDALOpenEx(path, GdalNative.OfVector | GdalNative.OfReadOnly | GdalNative.OfVerboseError, 0, 0, 0);
        return dataset != 0
            ? dataset
            : throw new InputException(path, null, "GDAL cannot open it as a vector dataset: " + GdalNative.LastError("unrecognised format"));
    }

    private static nint FindLayer(nint dataset, string path, string? layer)
    {
        var count = GdalNative.GDALDatasetGetLayerCount(dataset);
        if (count == 0) throw new InputException(path, null, "no vector layer in it");
        if (layer is null) return GdalNative.GDALDatasetGetLayer(dataset, 0);
        var handle = GdalNative.GDALDatasetGetLayerByName(dataset, layer);
        if (handle != 0) return handle;
        var names = Enumerable.Range(0, count).Select(i => LayerName(GdalNative.GDALDatasetGetLayer(dataset, i)));
        throw new InputException(path, $"layer {layer}", $"no such layer; the layers are: {MessageList.Cut(names)}");
    }

    private static string LayerName(nint layer) => GdalNative.Utf8(GdalNative.OGR_L_GetName(layer)) ?? "";

    private static List<OgrField> ReadFields(nint definition)
    {
        var count = GdalNative.OGR_FD_GetFieldCount(definition);
        var fields = new List<OgrField>(count);
        for (var i = 0; i < count; i++)
        {
            var field = GdalNative.OGR_FD_GetFieldDefn(definition, i);
            var ogrType = GdalNative.OGR_Fld_GetType(field);
            var type = ogrType switch
            {
                OftInteger when GdalNative.OGR_Fld_GetSubType(field) == OfstBoolean => FieldType.Boolean,
                OftInteger or OftInteger64 => FieldType.Integer,
                OftReal => FieldType.Real,
                OftDate or OftDateTime => FieldType.DateTime,
                _ => FieldType.String, // strings, times, lists and binary keep OGR's text form
            };
            fields.Add(new OgrField(i, new FieldDefinition(GdalNative.Utf8(GdalNative.OGR_Fld_GetNameRef(field)) ?? $"field{i}", type)));
        }

        return fields;
    }

    private static Dictionary<string, object?> ReadAttributes(nint feature, List<OgrField> fields)
    {
        var values = new Dictionary<string, object?>(fields.Count, StringComparer.Ordinal);
        foreach (var (index, definition) in fields)
        {
            values[definition.Name] = GdalNative.OGR_F_IsFieldSetAndNotNull(feature, index) == 0 ? null : definition.Type switch
            {
                FieldType.Boolean => GdalNative.OGR_F_GetFieldAsInteger64(feature, index) != 0,
                FieldType.Integer => GdalNative.OGR_F_GetFieldAsInteger64(feature, index),
                FieldType.Real => GdalNative.OGR_F_GetFieldAsDouble(feature, index),
                FieldType.DateTime => ReadDateTime(feature, index),
                _ => GdalNative.Utf8(GdalNative.OGR_F_GetFieldAsString(feature, index)),
            };
        }

        return values;
    }

    private static DateTime? ReadDateTime(nint feature, int index)
    {
        int year, month, day, hour, minute, tz;
        float second;
        if (GdalNative.OGR_F_GetFieldAsDateTimeEx(feature, index, &year, &month, &day, &hour, &minute, &second, &tz) == 0 || year < 1)
            return null;
        var whole = (int)Math.Floor(second);
        var local = new DateTime(year, month, day, hour, minute, whole, DateTimeKind.Unspecified)
            .AddTicks((long)Math.Round((second - whole) * TimeSpan.TicksPerSecond));

        // OGR's tz flag: 0 unknown, 1 local time, 100 UTC, 100 ± n: an offset of n quarter hours.
        return tz >= 2 ? DateTime.SpecifyKind(local.AddMinutes(-(tz - 100) * 15), DateTimeKind.Utc) : local;
    }

    private static (Geometry? Geometry, string? Note) ReadGeometry(nint geometry, WKBReader reader, WKBReader closing, string path, string record)
    {
        if (geometry == 0 || GdalNative.OGR_G_IsEmpty(geometry) != 0) return (null, null);

        // Arcs and curve polygons (FileGDB, DXF) have no NetTopologySuite type: OGR linearises them first.
        var linear = GdalNative.OGR_G_HasCurveGeometry(geometry, 1) != 0 ? GdalNative.OGR_G_GetLinearGeometry(geometry, 0, 0) : 0;
        try
        {
            var source = linear != 0 ? linear : geometry;
            var bytes = new byte[GdalNative.OGR_G_WkbSize(source)];
            fixed (byte* buffer = bytes)
            {
                if (GdalNative.OGR_G_ExportToIsoWkb(source, GdalNative.WkbNdr, buffer) != 0)
                    throw new InputException(path, record, "GDAL cannot export the geometry as WKB: " + GdalNative.LastError("no reason given"));
            }

            try
            {
                var (parsed, note) = RingClosure.Decode(() => reader.Read(bytes), () => closing.Read(bytes));
                return (parsed.IsEmpty ? null : parsed, note);
            }
            catch (Exception e) when (e is ParseException or ArgumentException or InvalidOperationException)
            {
                throw new InputException(path, record, $"unreadable geometry ({e.Message})", e);
            }
        }
        finally
        {
            if (linear != 0) GdalNative.OGR_G_DestroyGeometry(linear);
        }
    }

    private readonly record struct OgrField(int Index, FieldDefinition Definition);
}
