namespace AdStudio.Core; internal static class Placeholder { }
