// The marker that fixes put next to values the tool cannot know, so users find and replace them.
export const PLACEHOLDER = 'lintel: placeholder, set a real value';
