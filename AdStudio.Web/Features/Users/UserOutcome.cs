namespace AdStudio.Web.Features.Users;

/// <summary>
/// The result of a change to an account: done (with the user), or why not, with field errors
/// (<c>email</c>, <c>password</c>, <c>roles</c>) where a field is to blame.
/// </summary>
public sealed record UserOutcome(UserOutcomeKind Kind, string Message, UserDto? User = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Kind == UserOutcomeKind.Done;

    public static UserOutcome Done(UserDto user, string message) => new(UserOutcomeKind.Done, message, user);

    public static UserOutcome NotFound(int id) => new(UserOutcomeKind.NotFound, $"There is no user {id}.");

    public static UserOutcome Conflict(string message) => new(UserOutcomeKind.Conflict, message);

    public static UserOutcome Invalid(string field, params string[] messages) =>
        new(UserOutcomeKind.Invalid, string.Join(" ", messages), Errors: new Dictionary<string, string[]> { [field] = messages });

    public static UserOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(UserOutcomeKind.Invalid, string.Join(" ", errors.Values.SelectMany(m => m)), Errors: errors);
}
