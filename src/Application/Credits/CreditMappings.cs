using IaGenify.Domain.Credits;
using Mapster;

namespace IaGenify.Application.Credits;

internal sealed class CreditMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<CreditEntry, CreditEntryDto>().Map(d => d.Reserved, s => s.ReservedDelta);
    }
}
