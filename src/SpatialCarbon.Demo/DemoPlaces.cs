namespace SpatialCarbon.Demo;

/// <summary>A named place in lon/lat (CGCS2000) with a radius in km and a weight, used to shape synthetic fields.</summary>
public sealed record DemoPlace(string NameZh, string NameEn, double Lon, double Lat, double Radius_km, double Weight);

/// <summary>The hand-made geography behind the demo: the 13 prefecture seats, the forested hills, the eco-island
/// pilots, the lower Yangtze (missing from the GSHHG centre-lines below Zhenjiang) and the coastal box. Coordinates
/// are approximate real locations.</summary>
public static class DemoPlaces
{
    /// <summary>Prefecture seats; radius is the 2000 built-up core, weight the city's rank.</summary>
    public static IReadOnlyList<DemoPlace> CitySeats { get; } =
    [
        new("南京市", "Nanjing", 118.78, 32.06, 9.5, 1.0),
        new("无锡市", "Wuxi", 120.30, 31.57, 7.5, 0.9),
        new("徐州市", "Xuzhou", 117.18, 34.26, 7.0, 0.85),
        new("常州市", "Changzhou", 119.95, 31.78, 7.0, 0.85),
        new("苏州市", "Suzhou", 120.62, 31.30, 9.0, 1.0),
        new("南通市", "Nantong", 120.86, 32.01, 6.0, 0.8),
        new("连云港市", "Lianyungang", 119.22, 34.60, 5.0, 0.7),
        new("淮安市", "Huai'an", 119.02, 33.61, 5.5, 0.75),
        new("盐城市", "Yancheng", 120.16, 33.35, 5.5, 0.75),
        new("扬州市", "Yangzhou", 119.41, 32.39, 5.5, 0.75),
        new("镇江市", "Zhenjiang", 119.45, 32.20, 5.0, 0.75),
        new("泰州市", "Taizhou", 119.92, 32.46, 5.0, 0.75),
        new("宿迁市", "Suqian", 118.28, 33.96, 4.5, 0.7),
    ];

    /// <summary>Hills that carry most of Jiangsu's forest; weight is how densely wooded they are.</summary>
    public static IReadOnlyList<DemoPlace> Hills { get; } =
    [
        new("紫金山", "Zijin Shan", 118.85, 32.07, 3.5, 1.0),
        new("老山", "Lao Shan", 118.55, 32.08, 7.0, 0.95),
        new("牛首山-江宁丘陵", "Niushou hills", 118.75, 31.88, 8.0, 0.6),
        new("汤山", "Tang Shan", 118.98, 32.05, 5.0, 0.7),
        new("宝华山", "Baohua Shan", 119.08, 32.13, 4.0, 0.8),
        new("镇江南山", "Zhenjiang Nanshan", 119.43, 32.15, 4.0, 0.85),
        new("茅山", "Mao Shan", 119.30, 31.78, 10.0, 0.8),
        new("无想山", "Wuxiang Shan", 119.05, 31.58, 8.0, 0.7),
        new("溧阳南山", "Liyang Nanshan", 119.40, 31.22, 11.0, 0.95),
        new("宜兴南部山区", "Yixing hills", 119.75, 31.20, 10.0, 0.95),
        new("惠山", "Hui Shan", 120.23, 31.58, 3.0, 0.8),
        new("苏州西山", "Suzhou western hills", 120.40, 31.25, 6.0, 0.6),
        new("盱眙丘陵", "Xuyi hills", 118.55, 32.95, 13.0, 0.55),
        new("云台山", "Yuntai Shan", 119.35, 34.68, 8.0, 0.95),
        new("徐州丘陵", "Xuzhou hills", 117.25, 34.18, 9.0, 0.45),
        new("马陵山", "Maling Shan", 118.35, 34.45, 5.0, 0.5),
        new("仪征丘陵", "Yizheng hills", 119.00, 32.35, 7.0, 0.45),
    ];

    /// <summary>The seven eco-island pilot zones (生态岛试验区); radius sizes the synthetic pilot polygon.</summary>
    public static IReadOnlyList<DemoPlace> EcoIslands { get; } =
    [
        new("宜兴龙池山", "Yixing Longchi Shan", 119.72, 31.17, 5.0, 1),
        new("南京新济洲", "Nanjing Xinjizhou", 118.55, 31.80, 3.0, 1),
        new("泗洪成子湖", "Sihong Chengzi Hu", 118.40, 33.45, 6.0, 1),
        new("盐都大纵湖", "Yandu Dazong Hu", 119.80, 33.20, 4.0, 2),
        new("靖江马洲岛", "Jingjiang Mazhou Dao", 120.15, 31.98, 2.5, 2),
        new("姜堰溱湖", "Jiangyan Qin Hu", 120.08, 32.62, 3.5, 2),
        new("启东长江口北支", "Qidong Yangtze North Branch", 121.75, 31.80, 6.0, 2),
    ];

    /// <summary>Centres of aquaculture-pond country (Lixiahe lowland, lake shores); weight is the pond share.</summary>
    public static IReadOnlyList<DemoPlace> PondRegions { get; } =
    [
        new("里下河", "Lixiahe lowland", 119.95, 33.00, 45.0, 0.22),
        new("洪泽湖东岸", "Hongze east shore", 118.85, 33.25, 18.0, 0.25),
        new("高邮湖", "Gaoyou shore", 119.30, 32.90, 15.0, 0.2),
        new("吴江", "Wujiang lakes", 120.65, 31.00, 18.0, 0.25),
        new("阳澄湖", "Yangcheng lakes", 120.80, 31.45, 12.0, 0.2),
        new("长荡湖-滆湖", "Changdang-Gehu", 119.70, 31.60, 14.0, 0.18),
        new("骆马湖", "Luoma shore", 118.20, 34.05, 10.0, 0.12),
    ];

    /// <summary>The Yangtze below Zhenjiang, approximate thalweg to the mouth of the south branch (lon, lat).</summary>
    public static IReadOnlyList<(double Lon, double Lat)> LowerYangtze { get; } =
    [
        (119.45, 32.24), (119.60, 32.26), (119.75, 32.30), (119.86, 32.25), (119.90, 32.12), (120.02, 32.00),
        (120.18, 31.96), (120.30, 31.94), (120.45, 31.98), (120.60, 32.00), (120.78, 31.97), (120.92, 31.90),
        (121.05, 31.80), (121.20, 31.68), (121.40, 31.58), (121.60, 31.48), (121.85, 31.35),
    ];

    /// <summary>The Yangtze north branch along Haimen and Qidong.</summary>
    public static IReadOnlyList<(double Lon, double Lat)> YangtzeNorthBranch { get; } =
    [
        (121.05, 31.80), (121.25, 31.80), (121.45, 31.76), (121.65, 31.74), (121.90, 31.70),
    ];

    /// <summary>GSHHG river centre-lines (ids) that are the Yangtze, widened to about 2 km.</summary>
    public static IReadOnlySet<long> YangtzeRiverIds { get; } = new HashSet<long> { 14, 15, 33 };

    /// <summary>Box (lon/lat) in which the province boundary is the Yellow Sea coast: Lianyungang south to Qidong.</summary>
    public static (double MinLon, double MinLat, double MaxLon, double MaxLat) CoastBox { get; } = (119.95, 31.95, 122.2, 34.55);
}
