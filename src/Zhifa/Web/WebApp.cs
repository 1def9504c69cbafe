using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;
using Zhifa.Accounts;
using Zhifa.Alerts;
using Zhifa.CaseFileReviews;
using Zhifa.Rectifications;
using Zhifa.Calendar;
using Zhifa.Catalog;
using Zhifa.LegalReviews;
using Zhifa.Data.Accounts;
using Zhifa.Data.Storage;
using Zhifa.Domain.Publicity;
using Zhifa.Inspections;
using Zhifa.Officers;
using Zhifa.PenaltyCases;
using Zhifa.Records;
using Zhifa.Publicity;
using Zhifa.Reports;
using Zhifa.Statistics;

namespace Zhifa.Web;

/// <summary>
/// The web platform: Razor Pages (cookie sign-in) and the JSON API under /api/v1 (bearer tokens), both calling
/// the same application services and both scoped through <see cref="CallerScope"/>.
/// </summary>
public static class WebApp
{
    /// <summary>Picks the bearer handler for the API (a 401, never a redirect) and the cookie for the pages.</summary>
    public const string SmartScheme = "zhifa";

    /// <param name="configureServices">Replaces services after the platform's own (tests set a fixed clock this way).</param>
    public static WebApplication Build(DatabaseTarget target, string[] urls, string? environment = null,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Tests start the app from their own process: pages and services live in this assembly.
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = environment,
        });
        builder.WebHost.UseUrls(urls);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton<TimeProvider>(Zhifa.Domain.Common.PlatformClock.ForZone(builder.Configuration["Zhifa:TimeZone"]));
        services.AddZhifaIdentity(target).AddSignInManager();
        var auth = services.AddAuthentication(o =>
        {
            o.DefaultScheme = SmartScheme;
            o.DefaultAuthenticateScheme = SmartScheme;
            o.DefaultChallengeScheme = SmartScheme;
            o.DefaultForbidScheme = SmartScheme;
            o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
        });
        auth.AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = http =>
            http.Request.Path.StartsWithSegments("/api") || http.Request.Headers.Authorization.Count > 0
                ? IdentityConstants.BearerScheme
                : IdentityConstants.ApplicationScheme);
        auth.AddBearerToken(IdentityConstants.BearerScheme);
        auth.AddIdentityCookies(c => c.ApplicationCookie!.Configure(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "zhifa";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        }));
        services.AddAuthorization();

        // Chinese text as is in the HTML, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped(sp => CallerScope.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User));
        services.AddScoped<CatalogQueries>();
        services.AddScoped<OfficerQueries>();
        services.AddScoped<OfficerCertificateCommands>();
        services.AddScoped<StatisticsQueries>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<CaseListQueries>();
        services.AddScoped<AnnualReportQueries>();
        services.AddScoped<MonthlyBulletinQueries>();
        services.AddScoped<CalendarService>();
        services.AddScoped<AccountCommands>();
        services.AddRecords(target, builder.Configuration);
        // Publicity limits and periods are configuration (section "Publicity", e.g. Publicity__SmallFineBelowOrganisation).
        var publicity = builder.Configuration.GetSection("Publicity").Get<PublicityRules>() ?? new PublicityRules();
        if (publicity.Problems() is { Count: > 0 } wrong)
            throw new InvalidOperationException(string.Join(";", wrong));
        services.AddSingleton(publicity);
        services.AddScoped<PublicCatalogQueries>();
        services.AddScoped<PublicDecisionQueries>();
        services.AddScoped<PublicityCommands>();
        services.AddScoped<OverdueQueries>();
        services.AddInspections();
        services.AddPenaltyCases(builder.Configuration);
        services.AddAlerts(target, builder.Configuration);
        services.AddCaseFileReviews();
        services.AddRectifications(builder.Configuration);
        services.AddHostedService(sp => new PendingForeignKeyValidation(target, sp.GetRequiredService<ILogger<PendingForeignKeyValidation>>()));
        if (builder.Configuration.GetValue("Zhifa:Statistics:WarmUp", true))
            services.AddHostedService(sp => new StatisticsWarmUp(target, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<StatisticsWarmUp>>()));
        services.AddScoped<LegalReviewQueries>();
        services.AddScoped<PenaltyStandards>();
        services.AddScoped<MajorDecisionList>();
        services.AddScoped<AgencyDocumentPrefix>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info = new OpenApiInfo
            {
                Title = "执法监督平台 接口",
                Version = "v1",
                Description = "行政执法监督平台(zhifa)的 JSON 接口:执法主体、职权(含裁量基准和免罚清单)、执法人员、行政检查、行政处罚案件、法制审核、执法监督统计、预警、案卷评查、工作日历、执法全过程记录与证据、行政执法公示。/api/v1/public 下的公示查询无需登录。",
            };
            return Task.CompletedTask;
        }));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AllowAnonymousToPage("/Denied");
            o.Conventions.AllowAnonymousToFolder("/Public");
            o.Conventions.AuthorizeFolder("/Users", "admin");
        });
        // The case page's evidence form sends files up to the configured evidence limit (ZHIFA_EVIDENCE_MAX_MB); the limits
        // run before antiforgery reads the form (ADR-013).
        services.AddOptions<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>().Configure<Zhifa.Data.Records.EvidenceStoreOptions>((o, evidence) =>
            o.Conventions.AddPageApplicationModelConvention("/PenaltyCases/Detail", page =>
            {
                page.Filters.Add(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(evidence.MaxBytes + 1024 * 1024));
                page.Filters.Add(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = evidence.MaxBytes + 1024 * 1024 });
            }));
        services.AddAuthorizationBuilder().AddPolicy("admin", p => p.RequireRole(Roles.Admin));
        configureServices?.Invoke(services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusPages.WriteAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/swagger"), branch => branch.Use(async (http, next) =>
        {
            // The interactive reference is for administrators (and developers), api.md.
            if (app.Environment.IsDevelopment() || http.User.IsInRole(Roles.Admin))
                await next(http);
            else if (http.User.Identity?.IsAuthenticated == true)
                await http.ForbidAsync();
            else
                await http.ChallengeAsync();
        }));
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "执法监督平台 接口 v1");
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "执法监督平台 接口文档";
        });

        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/site.css", StaticAssets.SiteCss).AllowAnonymous().ExcludeFromDescription();
        foreach (var script in StaticAssets.Scripts)
            app.MapGet("/js/" + script, () => StaticAssets.Script(script)).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapAuth();
        api.MapCatalog();
        api.MapOfficers();
        api.MapStatistics();
        api.MapReports();
        api.MapCalendar();
        api.MapRecords();
        api.MapPublic();
        api.MapPublicity();
        api.MapInspections();
        api.MapPenaltyCases();
        api.MapLegalReviews();
        api.MapAlerts();
        api.MapCaseFileReviews();
        api.MapRectifications();

        app.MapRazorPages();
        return app;
    }

    /// <summary>Ensures the first administrator exists; prints its password exactly once (cli.md).</summary>
    public static async Task EnsureAdministratorAsync(WebApplication app, TextWriter output, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountCommands>().EnsureAdministratorAsync(ct);
        if (created is not null)
            await output.WriteLineAsync($"初始管理员 用户名: {created.UserName} 密码: {created.Password}");
    }
}
