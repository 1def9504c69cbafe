using System.Collections.Concurrent;
using SkiaSharp;
using Zhifa.Domain.Common;

namespace Zhifa.Reports;

/// <summary>
/// The Chinese font the charts and the PDF are drawn with. The path comes from configuration
/// (<c>Zhifa:Reports:FontPath</c>, or the environment variable <c>Zhifa__Reports__FontPath</c>); without it the usual
/// places of Debian's fonts-noto-cjk and fonts-wqy packages and of Windows are tried. A collection (.ttc) gives its
/// simplified-Chinese face.
/// </summary>
public static class ReportFonts
{
    public const string ConfigurationKey = "Zhifa:Reports:FontPath";

    public static readonly IReadOnlyList<string> Candidates =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        @"C:\Windows\Fonts\simhei.ttf",
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simsun.ttc",
    ];

    private static readonly ConcurrentDictionary<string, SKTypeface?> Loaded = new(StringComparer.Ordinal);

    /// <summary>The configured font, or the first candidate present; a Chinese error naming the fix otherwise.</summary>
    public static Result<SKTypeface> Find(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var path = configuredPath.Trim();
            if (!File.Exists(path))
                return new DomainError("report.font_missing", $"找不到配置的中文字体文件:{path}(配置项 {ConfigurationKey}),请检查路径");
            return Load(path) is { } configured
                ? configured
                : new DomainError("report.font_invalid", $"字体文件 {path} 无法读取或不含中文字形,请配置 .ttf、.otf 或 .ttc 中文字体(配置项 {ConfigurationKey})");
        }
        foreach (var candidate in Candidates)
            if (File.Exists(candidate) && Load(candidate) is { } found)
                return found;
        return new DomainError("report.font_missing",
            "未找到中文字体,无法生成图表和 PDF:请安装 fonts-noto-cjk(apt-get install fonts-noto-cjk)," +
            $"或用配置项 {ConfigurationKey}(环境变量 Zhifa__Reports__FontPath)指定中文字体文件");
    }

    private static SKTypeface? Load(string path) => Loaded.GetOrAdd(path, p =>
    {
        SKTypeface? first = null;
        for (var index = 0; index < 32; index++)
        {
            var face = SKTypeface.FromFile(p, index);
            if (face is null)
                break;
            if (face.GetGlyph('中') == 0)
            {
                face.Dispose();
                continue;
            }
            // Noto's collections hold JP, KR, SC, TC and HK faces: the mainland forms are the SC face.
            if (face.FamilyName.EndsWith(" SC", StringComparison.Ordinal))
            {
                first?.Dispose();
                return face;
            }
            if (first is null)
                first = face;
            else
                face.Dispose();
        }
        return first;
    });
}
