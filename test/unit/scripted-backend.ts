/**
 * The parts of a scripted chat backend a chat-loop test does not script: sending, typing,
 * completing and user data all succeed and do nothing; queue availability is unknown. Spread it
 * into a stand-in and write only what the test is about (requestChat, fetchEvents, files).
 */
import type { ChatBackend } from '../../src/backends/types';

/** The quiet operations of a stand-in backend. */
export const quietOperations = {
  sendMessage: async () => undefined,
  sendTyping: async () => undefined,
  complete: async () => undefined,
  setUserData: async () => undefined,
  getUserData: async () => ({}),
  deleteUserData: async () => undefined,
  queueAvailability: async () => 'unknown' as const,
} satisfies Partial<ChatBackend>;
