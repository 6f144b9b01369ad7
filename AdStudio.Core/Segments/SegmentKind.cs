namespace AdStudio.Core.Segments;

public enum SegmentKind
{
    Rule = 0,
    Cluster = 1,
}
