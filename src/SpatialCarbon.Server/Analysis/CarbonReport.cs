namespace SpatialCarbon.Server.Analysis;

/// <summary>Carbon stock inside the polygon in one year, with the covered area holding data and without.</summary>
public sealed record StockInYear(int Year, double Stock_mg_c, double ValidArea_ha, double NodataArea_ha);

/// <summary>Stock change between two years.</summary>
public sealed record StockChange(int From, int To, double Change_mg_c, double Change_mg_co2e, double AnnualChange_mg_c_yr);

/// <summary>One land-use transition between the first and last year inside the polygon.</summary>
public sealed record Transition(int FromCode, int ToCode, double Area_ha, double Change_mg_c);

/// <summary>Area of one land-use class inside the polygon in one year.</summary>
public sealed record ClassArea(int Year, int Code, string? NameZh, string? NameEn, double Area_ha);

/// <summary>Answer of <c>POST /api/carbon</c>.</summary>
public sealed record CarbonReport(
    double Area_ha,
    IReadOnlyList<StockInYear> Stocks,
    IReadOnlyList<StockChange> Changes,
    IReadOnlyList<Transition> Transitions,
    IReadOnlyList<ClassArea> ClassAreas,
    int RepairedGeometries,
    string AreaMethod,
    string Pools);
