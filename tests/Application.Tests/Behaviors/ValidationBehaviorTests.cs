using IaGenify.Application.Common.Behaviors;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Commands.Register;
using MediatR;

namespace IaGenify.Application.Tests.Behaviors;

public sealed class ValidationBehaviorTests
{
    [Fact]
    public async Task An_invalid_command_is_stopped_before_its_handler_with_every_field_named()
    {
        var behavior = new ValidationBehavior<Register, AuthResponse>([new RegisterValidator()]);
        var handlerRan = false;
        RequestHandlerDelegate<AuthResponse> handler = () =>
        {
            handlerRan = true;
            return Task.FromResult<AuthResponse>(null!);
        };

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            behavior.Handle(new Register("nope", "short", ""), CancellationToken.None, handler));

        Assert.False(handlerRan);
        Assert.Equal(["displayName", "email", "password"], error.Errors.Keys.Order());
    }

    [Fact]
    public async Task A_valid_command_reaches_its_handler()
    {
        var behavior = new ValidationBehavior<Register, AuthResponse>([new RegisterValidator()]);
        var handlerRan = false;

        await behavior.Handle(new Register("ada@example.com", "long enough", "Ada"), CancellationToken.None, () =>
        {
            handlerRan = true;
            return Task.FromResult<AuthResponse>(null!);
        });

        Assert.True(handlerRan);
    }
}
