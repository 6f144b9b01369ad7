using AdStudio.Core.Events;

namespace AdStudio.Web.Features.Events;

/// <summary>The events of a batch that will be stored, and the positions of ad events set aside because their decision expired.</summary>
public sealed record ValidatedEvents(EventBatch Batch, int[] Expired);
