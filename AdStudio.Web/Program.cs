using AdStudio.Web.Components;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Features.Audit;
using AdStudio.Web.Features.Campaigns;
using AdStudio.Web.Features.Creatives;
using AdStudio.Web.Features.Dashboard;
using AdStudio.Web.Features.Events;
using AdStudio.Web.Features.Experiments;
using AdStudio.Web.Features.Experiments.Api;
using AdStudio.Web.Features.Experiments.Offline;
using AdStudio.Web.Features.Health;
using AdStudio.Web.Features.Import;
using AdStudio.Web.Features.Migration;
using AdStudio.Web.Features.Models;
using AdStudio.Web.Features.Pipeline;
using AdStudio.Web.Features.Privacy;
using AdStudio.Web.Features.Security;
using AdStudio.Web.Features.Segments;
using AdStudio.Web.Features.Serving;
using AdStudio.Web.Features.Simulation;
using AdStudio.Web.Features.Storefront;
using AdStudio.Web.Features.Users;
using AdStudio.Web.Infrastructure;
using MudBlazor.Services;

if (MigrateToPostgres.IsCommand(args))
{
    return await MigrateToPostgres.RunAsync(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddNodeRoles();
builder.AddAdStudioData();
builder.AddShop();
builder.AddAccounts();
builder.AddStorefront();
builder.AddUsers();
builder.AddAudit();
builder.AddSecurity();
builder.AddLimits();
builder.AddPipeline();
builder.AddEvents();
builder.AddServing();
builder.AddReporting();
builder.AddExperiments();
builder.AddCreatives();
builder.AddCampaigns();
builder.AddSegments();
builder.AddPrivacy();
builder.AddImport();
builder.AddModels();
builder.AddSimulation();
builder.AddHealth();
builder.AddJsonContexts();
builder.Services.AddProblemDetails();
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

await app.InitializeAdStudioAsync();

app.UseProxyAndTransport();
app.UseExceptionHandler();
app.UseWhen(
    context => !ApiPaths.IsApi(context.Request.Path),
    ui => ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseWhen(context => ApiPaths.IsApi(context.Request.Path), api => api.UseStatusCodePages());
app.UseSecurityHeaders();
app.UseNodeRoleGate();

// Explicit routing after the status-code pages, so a re-executed "/not-found" is routed again.
app.UseRouting();
app.UseDeclaredBodyLimits();
app.UseStorefrontKeys();
app.UseAccounts();
app.UseRateLimiter();
app.UseAntiforgery();
app.UseCookieAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapAccounts();
app.MapStorefront();
app.MapUsers();
app.MapAudit();
app.MapServing();
app.MapEvents();
app.MapPipeline();
app.MapStats();
app.MapExperiments();
app.MapOfflineAnalysis();
app.MapCreatives();
app.MapCampaigns();
app.MapSegments();
app.MapPrivacy();
app.MapImport();
app.MapModels();
app.MapHealth();
app.MapPipelineDashboard();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
    .RequireSignInRateLimit(AccountsSetup.SignInPath, AccountsSetup.SignInPath + "/two-factor");
app.MapOnlyNodeRoles();

app.Run();
return 0;

/// <summary>Entry point; public so tests can host the app with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
