import { ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { InPlaceUpdates } from '../in-place.js';
import type { Card } from './card-parts.js';

/**
 * A card that changes in place in the turn's conversation (a group's tally, the content team's question card):
 * updated where it is (updateActivity), or posted and its activity id remembered (../in-place.ts).
 */
export function showCardInPlace(
  inPlace: InPlaceUpdates,
  context: TurnContext,
  conversationKey: string,
  reply: { readonly replaceKey: string; readonly version: number },
  card: () => Card,
): Promise<void> {
  const attachment = () => CardFactory.adaptiveCard(card());
  return inPlace.show<string>(conversationKey, reply.replaceKey, reply.version, {
    post: async () => (await context.sendActivity(MessageFactory.attachment(attachment())))?.id,
    update: async (id) => {
      await context.updateActivity({ id, type: ActivityTypes.Message, attachments: [attachment()], conversation: context.activity.conversation });
    },
  });
}
