namespace AdStudio.Core.Events;

public enum AdEventType
{
    Impression = 0,
    Click = 1,
    Conversion = 2,
}
