namespace AdStudio.Tests.Support;

/// <summary>Waits for something the app does in the background, up to a deadline, instead of sleeping a guessed time.</summary>
public static class Poll
{
    /// <summary>Calls <paramref name="probe"/> until <paramref name="done"/> holds for its value; throws with <paramref name="what"/> at the deadline.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {timeout.TotalSeconds} s: {what} (last seen: {value}).");
            }

            await Task.Delay(50);
        }
    }
}
