namespace AdStudio.Core.Experiments;

public enum ExperimentStatus
{
    Draft = 0,
    Running = 1,
    Stopped = 2,
}
