namespace AdStudio.Core.Events;

public enum BehaviourEventType
{
    View = 0,
    Search = 1,
    AddToCart = 2,
    Purchase = 3,
}
