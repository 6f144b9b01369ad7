using MudBlazor;

namespace AdStudio.Web.Components.Layout;

/// <summary>The app's colours and type; local fonts only, as the app runs without internet access.</summary>
public static class AdStudioTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00897b",
            AppbarBackground = "#283593",
            Background = "#f5f6fa",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["DejaVu Sans", "Segoe UI", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
